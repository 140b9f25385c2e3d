# IndexError: pop index out of range.
lst = [1, 2, 3]
print(lst.pop(-3))
print(lst.pop(5))
# --- expected (CPython 3.11; EMLAB_BLESS=1 cargo test -p emlab --test differential) ---
# exit: 1
# stderr ends: IndexError: pop index out of range
# stdout:
# | 1
