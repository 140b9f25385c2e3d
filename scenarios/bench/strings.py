# Strings and dicts: every thread builds string keys and counts them in its own dict.
THREADS = 1

def work(seed):
    counts = {}
    for i in range(360000):
        key = "k" + str((i * 7 + seed) % 97)
        counts[key] = counts.get(key, 0) + 1
    total = 0
    for key in counts:
        total += len(key) * counts[key]
    return [len(counts), counts["k0"], total]

def main(n):
    hs = []
    for t in range(n):
        hs.append(spawn(work, t))
    results = []
    for h in hs:
        results.append(join(h))
    return results

print(main(THREADS))
