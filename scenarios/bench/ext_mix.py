# Extension-call mix: an integer loop in every thread that calls counter.incr (not
# free-threaded) in one iteration out of EVERY, on a list of its own. In `eml` mode each such call
# promotes the EML (stops the other threads) and core code runs free-threaded in between; in
# `gil-on-import` mode the import turns a GIL on for the whole run.
# `emlab bench --ext-share 0.1,1,10` rewrites EVERY to 1000, 100 and 10.
import counter

THREADS = 1
EVERY = 100

def work(seed):
    cell = [0]
    acc = seed
    for i in range(600000):
        acc = (acc * 31 + i) % 1000003
        if i % EVERY == 0:
            counter.incr(cell, 0)
    return [cell[0], acc]

def main(n):
    hs = []
    for t in range(n):
        hs.append(spawn(work, t))
    results = []
    for h in hs:
        results.append(join(h))
    return results

print(main(THREADS))
