# Lock(): acquire/release and `with` in a single thread.
lock = Lock()
lock.acquire()
print("acquired")
lock.release()
print("released")
with lock:
    print("inside with")
print("after with")
with lock:
    with Lock():
        print("two different locks")
count = 0
for i in range(5):
    with lock:
        count += i
print(count)
def guarded(l, lst, v):
    with l:
        lst.append(v)
    return len(lst)
items = []
print(guarded(lock, items, "a"))
print(guarded(lock, items, "b"))
print(items)
locks = [Lock(), Lock(), Lock()]
for l in locks:
    l.acquire()
for l in locks:
    l.release()
print(len(locks))
lock.acquire()
lock.release()
lock.acquire()
lock.release()
print("done")
# --- expected (CPython 3.11; EMLAB_BLESS=1 cargo test -p emlab --test differential) ---
# exit: 0
# stdout:
# | acquired
# | released
# | inside with
# | after with
# | two different locks
# | 10
# | 1
# | 2
# | ['a', 'b']
# | 3
# | done
