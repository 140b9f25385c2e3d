# A shared counter incremented under a Lock by several threads gives the exact total.
lock = Lock()
counter = [0]
totals = {"hits": 0}

def worker(n):
    for i in range(n):
        with lock:
            counter[0] += 1
            totals["hits"] += 2
    return n

def worker_acquire(n):
    i = 0
    while i < n:
        lock.acquire()
        counter[0] += 1
        lock.release()
        i += 1
    return "done"

hs = []
for t in range(4):
    hs.append(spawn(worker, 1000))
hs.append(spawn(worker_acquire, 500))
rets = []
for h in hs:
    rets.append(join(h))
print(rets)
print(counter[0])
print(totals)

count = 0
def global_worker(n):
    global count
    for i in range(n):
        with lock:
            count += 1

hs = []
for t in range(3):
    hs.append(spawn(global_worker, 700))
for h in hs:
    join(h)
print(count)
# --- expected (CPython 3.11; EMLAB_BLESS=1 cargo test -p emlab --test differential) ---
# exit: 0
# stdout:
# | [1000, 1000, 1000, 1000, 'done']
# | 4500
# | {'hits': 8000}
# | 2100
