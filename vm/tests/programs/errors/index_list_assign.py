# IndexError: list assignment index out of range.
lst = [0, 0]
lst[1] = 5
print(lst)
lst[2] = 6
# --- expected (CPython 3.11; EMLAB_BLESS=1 cargo test -p emlab --test differential) ---
# exit: 1
# stderr ends: IndexError: list assignment index out of range
# stdout:
# | [0, 5]
