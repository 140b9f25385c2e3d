# show: a core writer can't slip between counter.incr's read and write under the EML
# expect: pass
import counter
c = [0]
def core_writer():
    c[0] += 10
h = spawn(core_writer)
counter.incr(c, 0)
join(h)
assert c[0] == 11, c[0]
