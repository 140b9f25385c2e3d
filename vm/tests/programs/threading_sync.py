# Condition (producer/consumer, wait_for, notify without the lock), Semaphore, BoundedSemaphore,
# Event and Barrier: outputs that do not depend on the schedule.
import threading

items = []
cond = threading.Condition()
consumed = []


def consumer():
    with cond:
        cond.wait_for(lambda: len(items) >= 3)
        consumed.extend(items)


def producer():
    for i in range(3):
        with cond:
            items.append(i)
            cond.notify_all()


c = threading.Thread(target=consumer)
p = threading.Thread(target=producer)
c.start()
p.start()
c.join()
p.join()
print("consumed", consumed)
try:
    cond.notify()
except RuntimeError as e:
    print("RuntimeError:", e)
with cond:
    print("timed out wait:", cond.wait(0.01))

sem = threading.Semaphore(2)
inside = [0]
most = [0]
guard = threading.Lock()


def limited():
    with sem:
        with guard:
            inside[0] += 1
            most[0] = max(most[0], inside[0])
        with guard:
            inside[0] -= 1


workers = [threading.Thread(target=limited) for _ in range(5)]
for w in workers:
    w.start()
for w in workers:
    w.join()
print("at most", most[0] <= 2, "inside", inside[0])
print(sem.acquire(), sem.acquire(), sem.acquire(blocking=False), sem.acquire(timeout=0.01))
bounded = threading.BoundedSemaphore(1)
try:
    bounded.release()
except ValueError as e:
    print("ValueError:", e)

ready = threading.Event()
log = []


def waiter():
    ready.wait()
    log.append("woke")


ws = [threading.Thread(target=waiter) for _ in range(3)]
for w in ws:
    w.start()
print("set?", ready.is_set())
ready.set()
for w in ws:
    w.join()
print(log, ready.is_set(), ready.wait(0))
ready.clear()
print(ready.is_set(), ready.wait(0.01))

order = []
barrier = threading.Barrier(3, action=lambda: order.append("all arrived"))


def party(n):
    order.append(n)
    index = barrier.wait()
    order.append(("after", index >= 0))


parties = [threading.Thread(target=party, args=(n,)) for n in range(3)]
for t in parties:
    t.start()
for t in parties:
    t.join()
print(sorted([str(order[i]) for i in range(3)]), order[3], [order[i] for i in range(4, 7)], barrier.n_waiting, barrier.broken)
broken = threading.Barrier(2)
try:
    broken.wait(0.01)
except threading.BrokenBarrierError:
    print("BrokenBarrierError", broken.broken)
# --- expected (CPython 3.11; EMLAB_BLESS=1 cargo test -p emlab --test differential) ---
# exit: 0
# stdout:
# | consumed [0, 1, 2]
# | RuntimeError: cannot notify on un-acquired lock
# | timed out wait: False
# | at most True inside 0
# | True True False False
# | ValueError: Semaphore released too many times
# | set? False
# | ['woke', 'woke', 'woke'] True True
# | False False
# | ['0', '1', '2'] all arrived [('after', True), ('after', True), ('after', True)] 0 False
# | BrokenBarrierError True
