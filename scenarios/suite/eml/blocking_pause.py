# show: blocking.pause releases the EML around its yields; other threads run meanwhile
# expect: pass
import blocking
import counter
c = [0]
def work():
    counter.incr(c, 0)
h = spawn(work)
blocking.pause(2)
join(h)
assert c[0] == 1
