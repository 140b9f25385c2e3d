# threading.Thread: target, args, kwargs, names, join, is_alive, subclasses overriding run(),
# current_thread, main_thread, Lock and RLock.
import threading

results = []
lock = threading.Lock()


def worker(n, scale=1):
    with lock:
        results.append(n * scale)


threads = [threading.Thread(target=worker, args=(i,), kwargs={"scale": 10}) for i in range(4)]
print([t.is_alive() for t in threads], threads[0])
for t in threads:
    t.start()
for t in threads:
    t.join()
print(sorted(results), [t.name for t in threads], [t.is_alive() for t in threads])
print(threading.current_thread().name, threading.main_thread() is threading.current_thread())


class Counter(threading.Thread):
    def __init__(self, n):
        super().__init__(name=f"counter-{n}")
        self.n = n
        self.total = 0

    def run(self):
        for i in range(self.n):
            self.total += i
        seen.append(threading.current_thread().name)


seen = []
counters = [Counter(n) for n in (3, 5)]
for c in counters:
    c.start()
for c in counters:
    c.join()
print([c.total for c in counters], sorted(seen), counters[1].daemon)

rlock = threading.RLock()
with rlock:
    with rlock:
        print("held twice")
try:
    rlock.release()
except RuntimeError as e:
    print("RuntimeError:", e)

plain = threading.Lock()
print(plain.acquire(), plain.locked(), plain.acquire(False), plain.acquire(timeout=0.01))
plain.release()
try:
    plain.release()
except RuntimeError as e:
    print("RuntimeError:", e)

t = threading.Thread(target=worker, args=(7,), daemon=True, name="bg")
print(t.daemon, t.name, t.ident is None)
t.start()
t.join()
print(results[-1], t.ident is not None, threading.active_count())
try:
    t.start()
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    threading.current_thread().join()
except RuntimeError as e:
    print("RuntimeError:", e)
# --- expected (CPython 3.11; EMLAB_BLESS=1 cargo test -p emlab --test differential) ---
# exit: 0
# stdout:
# | [False, False, False, False] <Thread(Thread-1 (worker), initial)>
# | [0, 10, 20, 30] ['Thread-1 (worker)', 'Thread-2 (worker)', 'Thread-3 (worker)', 'Thread-4 (worker)'] [False, False, False, False]
# | MainThread True
# | [3, 10] ['counter-3', 'counter-5'] False
# | held twice
# | RuntimeError: cannot release un-acquired lock
# | True True False False
# | RuntimeError: release unlocked lock
# | True bg True
# | 7 True 1
# | RuntimeError: threads can only be started once
# | RuntimeError: cannot join current thread
