# IndexError: tuple index out of range.
t = (1, 2, 3)
print(t[2])
print(t[3])
# --- expected (CPython 3.11; EMLAB_BLESS=1 cargo test -p emlab --test differential) ---
# exit: 1
# stderr ends: IndexError: tuple index out of range
# stdout:
# | 3
