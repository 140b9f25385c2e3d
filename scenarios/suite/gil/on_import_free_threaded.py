# show: importing only a free-threaded module keeps the core free-threaded (lost updates stay possible)
# expect: violation assertion
# mode: gil-on-import
import fastcounter
c = [0, 0]
def work():
    fastcounter.incr(c, 0)
    c[1] += 1
h = spawn(work)
work()
join(h)
assert c[0] == 2
assert c[1] == 2, c[1]
