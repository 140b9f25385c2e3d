# IndexError: list index out of range (negative index past the start).
lst = [1, 2, 3]
print(lst[-3])
print(lst[-4])
# --- expected (CPython 3.11; EMLAB_BLESS=1 cargo test -p emlab --test differential) ---
# exit: 1
# stderr ends: IndexError: list index out of range
# stdout:
# | 1
