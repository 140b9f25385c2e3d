# show: counter.incr from two threads never loses an update under the EML
# expect: pass
import counter
c = [0]
def work():
    counter.incr(c, 0)
h = spawn(work)
counter.incr(c, 0)
join(h)
assert c[0] == 2, c[0]
