# show: three exclusive calls in any order, each caller then reads the count: where a caller parks, or waits at its own request, changes what the others see
# expect: pass
# mode: eml
import counter
c = [0]
seen = [0, 0, 0]
def work(i):
    counter.incr(c, 0)
    seen[i] = c[0]
hs = [spawn(work, 0), spawn(work, 1), spawn(work, 2)]
for h in hs:
    join(h)
print(seen)
