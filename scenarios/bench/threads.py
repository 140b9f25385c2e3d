# Independent work per thread: each thread runs the same loop on its own data.
# `emlab bench --threads 1,2,4` runs this file with the thread count in THREADS.
THREADS = 1

def work(seed):
    acc = seed
    items = [0] * 64
    for i in range(400000):
        acc = (acc * 31 + i) % 1000003
        items[i % 64] = acc
    return acc

def main(n):
    hs = []
    for t in range(n):
        hs.append(spawn(work, t))
    results = []
    for h in hs:
        results.append(join(h))
    return results

print(len(main(THREADS)))
