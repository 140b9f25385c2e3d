# Exceptions inside threads: each worker handles its own errors, finally releases its lock.
lock = Lock()
results = {}
errors = []

def worker(n):
    lock.acquire()
    try:
        if n % 3 == 0:
            raise ValueError("bad input " + str(n))
        results[n] = n * n
    except ValueError as e:
        errors.append(str(e))
    finally:
        lock.release()

hs = []
for n in range(1, 7):
    hs.append(spawn(worker, n))
for h in hs:
    join(h)
print(len(results), len(errors))
total = 0
for k in results:
    total += results[k]
print("sum of squares", total)
print("errors", len(errors), "bad input 3" in errors, "bad input 6" in errors)
# --- expected (CPython 3.11; EMLAB_BLESS=1 cargo test -p emlab --test differential) ---
# exit: 0
# stdout:
# | 4 2
# | sum of squares 46
# | errors 2 True True
