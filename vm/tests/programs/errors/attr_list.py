# AttributeError: 'list' object has no attribute 'frobnicate'.
lst = [1]
lst.append(2)
print(lst)
lst.frobnicate()
# --- expected (CPython 3.11; EMLAB_BLESS=1 cargo test -p emlab --test differential) ---
# exit: 1
# stderr ends: AttributeError: 'list' object has no attribute 'frobnicate'
# stdout:
# | [1, 2]
