# Threads allocate while others call gc.collect(); live data in every thread must survive.
import gc

def builder(tag, n):
    out = []
    for i in range(n):
        node = {"tag": tag, "i": i, "data": [i, (tag, i)]}
        out.append(node)
        if i % 50 == 0:
            gc.collect()
    total = 0
    for node in out:
        total += node["data"][0]
    return (tag, len(out), total)

def collector(times):
    for i in range(times):
        gc.collect()
    return times

hs = []
for t in range(3):
    hs.append(spawn(builder, "t" + str(t), 300))
hs.append(spawn(collector, 20))
for h in hs:
    print(join(h))
keep = []
for i in range(100):
    keep.append([i] * 3)
    garbage = {"x": [i, i]}
gc.collect()
print(len(keep), keep[99], sum(keep[50]))
# --- expected (CPython 3.11; EMLAB_BLESS=1 cargo test -p emlab --test differential) ---
# exit: 0
# stdout:
# | ('t0', 300, 44850)
# | ('t1', 300, 44850)
# | ('t2', 300, 44850)
# | 20
# | 100 [99, 99, 99] 150
