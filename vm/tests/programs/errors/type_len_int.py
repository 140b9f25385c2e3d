# TypeError: object of type 'int' has no len().
print(len([1, 2]))
print(len(5))
# --- expected (CPython 3.11; EMLAB_BLESS=1 cargo test -p emlab --test differential) ---
# exit: 1
# stderr ends: TypeError: object of type 'int' has no len()
# stdout:
# | 2
