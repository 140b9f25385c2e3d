# show: `x[0] += 1` from two threads is a read then a write: an update can be lost
# expect: violation assertion
c = [0]
def work():
    c[0] += 1
h = spawn(work)
work()
join(h)
assert c[0] == 2, c[0]
