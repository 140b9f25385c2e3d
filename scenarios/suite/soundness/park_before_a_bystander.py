# show: a thread parks before a read of what a bystander copies out of an exclusive section
# expect: violation assertion
# schedulers: random pct dfs dpor
import counter
count = [0]
copy = [0]
seen = [0, 0]
def pause():
    pass
def reader():
    v = count[0]
    pause()
    seen[0] = copy[0]
    pause()
    count[0] = v + 1
def caller():
    counter.incr(count, 0)
def copier():
    copy[0] = count[0]
hs = [spawn(reader), spawn(caller), spawn(copier)]
for h in hs:
    join(h)
# The copy can hold the call's 1 only when the reader parked before its read of it; then the
# reader's write loses the call's update too.
assert not (seen[0] == 1 and count[0] == 1), (seen, count)
