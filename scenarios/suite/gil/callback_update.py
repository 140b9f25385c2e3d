# show: under the GIL, callback.update's read and write are atomic; only its callback can be switched out
# expect: pass
# mode: gil
import callback
c = [0]
def inc(x):
    return x + 1
def core_writer():
    c[0] = 10
h = spawn(core_writer)
callback.update(c, inc)
join(h)
assert c[0] in (1, 10, 11), c[0]
