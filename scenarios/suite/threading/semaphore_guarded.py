# show: a Semaphore(1) makes a read-modify-write of a shared counter atomic across two threads: no update is lost
# expect: pass
# schedulers: random pct dfs
import threading

count = [0]
sem = threading.Semaphore(1)


def bump():
    with sem:
        v = count[0]
        count[0] = v + 1


threads = [threading.Thread(target=bump) for _ in range(2)]
for t in threads:
    t.start()
for t in threads:
    t.join()
assert count[0] == 2, count[0]
