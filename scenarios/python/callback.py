"""Pure-Python twin of emlab's `callback` extension module (not free-threaded)."""


def apply(f, x):
    """f(x), called from inside the extension."""
    return f(x)


def update(lst, f):
    """lst[0] = f(lst[0]), with the read and the write on either side of the callback."""
    old = lst[0]
    new = f(old)
    lst[0] = new
