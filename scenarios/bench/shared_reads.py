# Shared reads: every thread reads the same module-level dict and list (global loads, dict get,
# list index), and writes nothing shared.
THREADS = 1

TABLE = {}
for k in range(256):
    TABLE[k] = (k * k) % 251
ITEMS = []
for k in range(256):
    ITEMS.append((k * 7) % 256)

def work(seed):
    acc = seed
    for i in range(1200000):
        acc = (acc + TABLE[(i + seed) % 256] + ITEMS[i % 256]) % 1000003
    return acc

def main(n):
    hs = []
    for t in range(n):
        hs.append(spawn(work, t))
    results = []
    for h in hs:
        results.append(join(h))
    return results

print(main(THREADS))
