# Allocation: every thread builds short-lived tuples and lists; the collector keeps memory flat.
# `emlab bench --threads 1,2,4` runs this file with the thread count in THREADS.
THREADS = 1

def work(seed):
    total = 0
    for i in range(450000):
        pair = (i, seed)
        row = [pair, i + 1]
        total = (total + len(row) + row[1] + pair[1]) % 1000003
    return total

def main(n):
    hs = []
    for t in range(n):
        hs.append(spawn(work, t))
    results = []
    for h in hs:
        results.append(join(h))
    return results

print(main(THREADS))
