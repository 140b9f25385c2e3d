# import gc; gc.collect() between allocations; live data must survive.
import gc

keep = []
for i in range(50):
    garbage = [i, [i, i], {"k": (i, str(i))}]
    if i % 10 == 0:
        keep.append(garbage)
gc.collect()
print(len(keep))
print(keep[0])
print(keep[-1][2])

def churn(n):
    total = 0
    for i in range(n):
        tmp = [i] * 5
        total += sum(tmp)
    return total

print(churn(200))
gc.collect()
cycle = [1]
cycle.append(cycle[0])
d = {"self": None}
d["list"] = [d["self"], "x"]
gc.collect()
print(cycle, d)
s = ""
for i in range(30):
    s = s + str(i % 10)
gc.collect()
gc.collect()
print(s)
print(len(s))
# --- expected (CPython 3.11; EMLAB_BLESS=1 cargo test -p emlab --test differential) ---
# exit: 0
# stdout:
# | 5
# | [0, [0, 0], {'k': (0, '0')}]
# | {'k': (40, '40')}
# | 99500
# | [1, 1] {'self': None, 'list': [None, 'x']}
# | 012345678901234567890123456789
# | 30
