# TypeError: next() of something that is no iterator.
print(next(iter([1])))
next([1, 2])
# --- expected (CPython 3.11; EMLAB_BLESS=1 cargo test -p emlab --test differential) ---
# exit: 1
# stderr ends: TypeError: 'list' object is not an iterator
# stdout:
# | 1
