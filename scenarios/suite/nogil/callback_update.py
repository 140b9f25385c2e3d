# show: without exclusion a core writer slips between callback.update's read and its write
# expect: violation atomicity, assertion
# mode: nogil
import callback
c = [0]
def inc(x):
    return x + 1
def core_writer():
    c[0] += 10
h = spawn(core_writer)
callback.update(c, inc)
join(h)
assert c[0] == 1 or c[0] == 11, c[0]
