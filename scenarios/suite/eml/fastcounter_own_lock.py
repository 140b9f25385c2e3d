# show: fastcounter opts out of the EML and takes its own lock: exact counts
# expect: pass
import fastcounter
c = [0]
def work():
    fastcounter.incr(c, 0)
h = spawn(work)
fastcounter.incr(c, 0)
join(h)
assert c[0] == 2, c[0]
