# show: two free-threaded calls take the module's own lock in either order; each thread then reads the count
# expect: violation assertion
# mode: nogil
import fastcounter
count = [0]
seen = [0, 0]
def first():
    fastcounter.incr(count, 0)
    seen[0] = count[0]
def second():
    fastcounter.incr(count, 0)
    seen[1] = count[0]
hs = [spawn(first), spawn(second)]
for h in hs:
    join(h)
assert not (seen[1] == 1 and seen[0] == 2), seen
