# ValueError: list.index of an item that is not in the list.
lst = [3, 1, 4]
print(lst.index(4))
print(lst.index(5))
# --- expected (CPython 3.11; EMLAB_BLESS=1 cargo test -p emlab --test differential) ---
# exit: 1
# stderr ends: ValueError: 5 is not in list
# stdout:
# | 2
