# show: callback.update drops to read mode only during the callback, and promotes again
# expect: pass
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
