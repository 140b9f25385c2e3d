# show: a callback that calls another extension does not deadlock its own promotion
# expect: pass
import callback
import counter
c = [0]
def bump(x):
    counter.incr(c, 0)
    return x
def work():
    callback.apply(bump, 1)
h = spawn(work)
callback.apply(bump, 2)
join(h)
assert c[0] == 2, c[0]
