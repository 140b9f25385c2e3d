# show: threads allocating garbage while another collects never see a freed object
# expect: pass
import gc
keep = [[0]]
def churn(n):
    for i in range(2):
        t = [n, i]
        keep[0] = t
h = spawn(churn, 1)
gc.collect()
churn(2)
join(h)
assert len(keep[0]) == 2
