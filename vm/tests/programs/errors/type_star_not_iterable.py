# `*x` in a call needs an iterable.
def total(*values):
    return sum(values)

print(total(*[1, 2, 3]))
total(*5)
# --- expected (CPython 3.11; EMLAB_BLESS=1 cargo test -p emlab --test differential) ---
# exit: 1
# stderr ends: TypeError: __main__.total() argument after * must be an iterable, not int
# stdout:
# | 6
