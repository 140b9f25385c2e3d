# concurrent.futures: a thread pool's map, submit and result, as_completed, wait, exceptions.
import concurrent.futures
from concurrent.futures import ThreadPoolExecutor, as_completed, wait
import threading


def square(n):
    return n * n


with ThreadPoolExecutor(max_workers=3) as pool:
    print(list(pool.map(square, range(8))))
    futures = [pool.submit(square, n) for n in range(5)]
    print([f.result() for f in futures])
    print(sorted(f.result() for f in as_completed(futures)))


def fails(n):
    if n == 2:
        raise ValueError("bad item %d" % n)
    return n


with concurrent.futures.ThreadPoolExecutor(2) as pool:
    futures = {pool.submit(fails, n): n for n in range(4)}
    for future in as_completed(futures):
        n = futures[future]
        try:
            future.result()
        except ValueError as e:
            print("item", n, "raised:", e)
    print(sorted(f.exception() is None for f in futures), [repr(f.exception()) for f in futures if f.exception()])

lock = threading.Lock()
total = [0]


def add(n):
    with lock:
        total[0] += n
    return threading.current_thread().name.startswith("ThreadPoolExecutor")


pool = ThreadPoolExecutor(max_workers=4)
results = [pool.submit(add, n) for n in range(100)]
done, not_done = wait(results)
print(len(done), len(not_done), total[0], all(f.result() for f in results))
pool.shutdown()
try:
    pool.submit(add, 1)
except RuntimeError as e:
    print("RuntimeError:", e)
f = concurrent.futures.Future()
print(f.done(), f.cancel(), f.cancelled(), f.done())
g = concurrent.futures.Future()
g.set_result(42)
print(g.result(), g.done(), g.exception())
calls = []
g.add_done_callback(lambda fut: calls.append(fut.result()))
print(calls)
try:
    ThreadPoolExecutor(max_workers=0)
except ValueError as e:
    print("ValueError:", e)
with ThreadPoolExecutor(2) as pool:
    print(list(pool.map(lambda a, b: a + b, [1, 2, 3], [10, 20, 30])))
# --- expected (CPython 3.11; EMLAB_BLESS=1 cargo test -p emlab --test differential) ---
# exit: 0
# stdout:
# | [0, 1, 4, 9, 16, 25, 36, 49]
# | [0, 1, 4, 9, 16]
# | [0, 1, 4, 9, 16]
# | item 2 raised: bad item 2
# | [False, True, True, True] ["ValueError('bad item 2')"]
# | 100 0 4950 True
# | RuntimeError: cannot schedule new futures after shutdown
# | False True True True
# | 42 True None
# | [42]
# | ValueError: max_workers must be greater than 0
# | [11, 22, 33]
