# show: two threads take work from one generator with no lock: one resumes it while the other is inside it, and gets "generator already executing"
# expect: violation exception
# schedulers: random pct dpor loom
import threading


def tasks():
    for n in range(3):
        yield n * n


source = tasks()
done = []


def worker():
    for task in source:
        done.append(task)


threads = [threading.Thread(target=worker) for _ in range(2)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(sorted(done))
