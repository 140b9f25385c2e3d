# show: a module with its own lock stays correct without the EML
# expect: pass
# mode: nogil
import fastcounter
c = [0]
def work():
    fastcounter.incr(c, 0)
h1 = spawn(work)
h2 = spawn(work)
fastcounter.incr(c, 0)
join(h1)
join(h2)
assert c[0] == 3, c[0]
