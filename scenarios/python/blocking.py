"""Pure-Python twin of emlab's `blocking` extension module (not free-threaded)."""
import time


def pause(n):
    """Release the EML, yield n times, reacquire."""
    for _ in range(n):
        time.sleep(0)


def peek_released(lst):
    """Read lst[0] while the EML is released. In emlab this is an extension bug that is
    reported as an `outside-eml` violation; CPython has no EML, so the twin just reads it."""
    return lst[0]
