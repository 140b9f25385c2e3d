"""Pure-Python twin of emlab's `counter` extension module (not free-threaded)."""


def incr(lst, i):
    """Read lst[i], write lst[i] + 1."""
    lst[i] = lst[i] + 1
