# The queue module: a worker pool over Queue with task_done/join, LifoQueue, PriorityQueue,
# SimpleQueue, Empty and Full.
import queue
import threading

q = queue.Queue()
done = []
done_lock = threading.Lock()


def worker():
    while True:
        item = q.get()
        if item is None:
            q.task_done()
            break
        with done_lock:
            done.append(item * item)
        q.task_done()


workers = [threading.Thread(target=worker) for _ in range(3)]
for w in workers:
    w.start()
for i in range(10):
    q.put(i)
q.join()
print(sorted(done), q.qsize(), q.empty())
for _ in workers:
    q.put(None)
for w in workers:
    w.join()

lifo = queue.LifoQueue()
for i in range(3):
    lifo.put(i)
print([lifo.get() for _ in range(3)])
pq = queue.PriorityQueue()
for item in [(3, "c"), (1, "a"), (2, "b"), (1, "a2")]:
    pq.put(item)
print([pq.get() for _ in range(4)])
sq = queue.SimpleQueue()
sq.put("x")
print(sq.get(), sq.empty(), sq.qsize())

bounded = queue.Queue(maxsize=1)
bounded.put(1)
print(bounded.full())
try:
    bounded.put(2, block=False)
except queue.Full:
    print("Full")
try:
    bounded.put(2, timeout=0.01)
except queue.Full:
    print("Full after a timeout")
print(bounded.get_nowait())
try:
    bounded.get_nowait()
except queue.Empty:
    print("Empty")
try:
    bounded.get(timeout=0.01)
except queue.Empty:
    print("Empty after a timeout")
try:
    bounded.task_done()
    bounded.task_done()
except ValueError as e:
    print("ValueError:", e)
# --- expected (CPython 3.11; EMLAB_BLESS=1 cargo test -p emlab --test differential) ---
# exit: 0
# stdout:
# | [0, 1, 4, 9, 16, 25, 36, 49, 64, 81] 0 True
# | [2, 1, 0]
# | [(1, 'a'), (1, 'a2'), (2, 'b'), (3, 'c')]
# | x True 0
# | True
# | Full
# | Full after a timeout
# | 1
# | Empty
# | Empty after a timeout
# | ValueError: task_done() called too many times
