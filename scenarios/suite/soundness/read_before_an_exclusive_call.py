# show: a reader that attached before an exclusive call was requested, or after it ended
# expect: violation assertion
# mode: eml
import counter
c = [0]
seen = [-1]
def look():
    seen[0] = c[0]
def call():
    counter.incr(c, 0)
hs = [spawn(look), spawn(call)]
for h in hs:
    join(h)
assert seen[0] == 0, seen
