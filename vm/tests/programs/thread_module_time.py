# The modules _thread (start_new_thread with args and kwargs, allocate_lock, get_ident, exit) and time
# (sleep, monotonic, time) as real threaded programs use them.
import _thread
import time

lock = _thread.allocate_lock()
finished = []


def entry(a, b, c=0):
    with lock:
        finished.append((a, b, c, _thread.get_ident() != main_ident))
    if a == 2:
        _thread.exit()
    with lock:
        finished.append("past exit")


main_ident = _thread.get_ident()
print(type(lock) == _thread.LockType, type(main_ident), main_ident != 0)
_thread.start_new_thread(entry, (1, 2), {"c": 3})
_thread.start_new_thread(entry, (2, 3))
while len(finished) < 3:
    time.sleep(0.001)
print(sorted([str(f) for f in finished]))
try:
    _thread.start_new_thread(entry, [1, 2])
except TypeError as e:
    print("TypeError:", e)
try:
    _thread.start_new_thread(entry, (1, 2), ())
except TypeError as e:
    print("TypeError:", e)
print(_thread.stack_size(), _thread.stack_size(65536))
print(_thread.stack_size(), _thread.stack_size())

start = time.monotonic()
time.sleep(0.01)
elapsed = time.monotonic() - start
print(elapsed >= 0.0, time.time() > 1e9, type(time.perf_counter()), type(time.time_ns()))
try:
    time.sleep(-1)
except ValueError as e:
    print("ValueError:", e)
# --- expected (CPython 3.11; EMLAB_BLESS=1 cargo test -p emlab --test differential) ---
# exit: 0
# stdout:
# | True <class 'int'> True
# | ['(1, 2, 3, True)', '(2, 3, 0, True)', 'past exit']
# | TypeError: 2nd arg must be a tuple
# | TypeError: optional 3rd arg must be a dictionary
# | 0 0
# | 65536 0
# | True True <class 'float'> <class 'int'>
# | ValueError: sleep length must be non-negative
