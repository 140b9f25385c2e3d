# show: an extension call that drops to read mode after its first operation lets a core writer in
# expect: violation atomicity, assertion
# inject: eml-early-demote
# iterations: 5000
import counter
c = [0]
def core_writer():
    c[0] += 10
h = spawn(core_writer)
counter.incr(c, 0)
join(h)
assert c[0] == 11, c[0]
