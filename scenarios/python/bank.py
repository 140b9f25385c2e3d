"""Pure-Python twin of emlab's `bank` extension module (not free-threaded)."""


def transfer(accts, i, j, n):
    """accts[i] -= n; accts[j] += n, as four separate reads and writes."""
    accts[i] = accts[i] - n
    accts[j] = accts[j] + n


def total(accts):
    """The sum of the items, read one by one."""
    s = 0
    for i in range(len(accts)):
        s = s + accts[i]
    return s
