# 4 threads append to one list concurrently; append is atomic so nothing is lost.
shared = []

def appender(tag, n):
    for i in range(n):
        shared.append((tag, i))
    return tag

hs = []
for t in range(4):
    hs.append(spawn(appender, t, 250))
tags = []
for h in hs:
    tags.append(join(h))
print(tags)
print(len(shared))
per_tag = {}
for tag, i in shared:
    per_tag[tag] = per_tag.get(tag, 0) + 1
print(per_tag.get(0), per_tag.get(1), per_tag.get(2), per_tag.get(3))
total = 0
for tag, i in shared:
    total += i
print(total)

d = {}
def writer(k):
    for i in range(100):
        d[(k, i)] = i
    return len(d) >= 100

hs = []
for k in range(4):
    hs.append(spawn(writer, k))
ok = True
for h in hs:
    ok = ok and join(h)
print(ok, len(d))
# --- expected (CPython 3.11; EMLAB_BLESS=1 cargo test -p emlab --test differential) ---
# exit: 0
# stdout:
# | [0, 1, 2, 3]
# | 1000
# | 250 250 250 250
# | 124500
# | True 400
