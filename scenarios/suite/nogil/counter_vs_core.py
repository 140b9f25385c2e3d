# show: naive GIL removal: counter.incr's read and write interleave with a core writer
# expect: violation atomicity, assertion
# mode: nogil
import counter
c = [0]
def core_writer():
    c[0] += 10
h = spawn(core_writer)
counter.incr(c, 0)
join(h)
assert c[0] == 11, c[0]
