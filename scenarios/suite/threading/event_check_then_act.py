# show: two threads check an Event, then set it: both may see it unset and both do the one-time work
# expect: violation assertion
# schedulers: random pct dpor loom
import threading

started = threading.Event()
runs = []


def start_once():
    if not started.is_set():
        runs.append(1)
        started.set()


threads = [threading.Thread(target=start_once) for _ in range(2)]
for t in threads:
    t.start()
for t in threads:
    t.join()
assert len(runs) == 1, runs
