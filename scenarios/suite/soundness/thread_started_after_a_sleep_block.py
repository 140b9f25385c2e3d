# show: a thread that starts after dpor's search was sleep-set blocked, and loops: the rest of such a run is followed, not recorded, and must still be a real run (it once ended in an internal error and a false assertion)
# expect: pass
import counter
c = [0]
seen = [0, 0, 0]
def work(i):
    counter.incr(c, 0)
    seen[i] = c[0]
def late():
    for i in range(3):
        pass
hs = [spawn(work, 0), spawn(work, 1), spawn(work, 2)]
for h in hs:
    join(h)
h = spawn(late)
join(h)
print(seen)
