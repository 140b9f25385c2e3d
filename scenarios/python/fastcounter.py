"""Pure-Python twin of emlab's `fastcounter` extension module (free-threaded, own lock)."""
import threading

_lock = threading.Lock()


def incr(lst, i):
    """Read lst[i], write lst[i] + 1, under the module's own lock."""
    with _lock:
        lst[i] = lst[i] + 1
