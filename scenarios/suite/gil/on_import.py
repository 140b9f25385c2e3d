# show: gil-on-import turns the GIL on when a module that is not free-threaded is imported
# expect: pass
# mode: gil-on-import
import counter
c = [0]
def core_writer():
    c[0] = 10
h = spawn(core_writer)
counter.incr(c, 0)
join(h)
assert c[0] == 10 or c[0] == 11, c[0]
