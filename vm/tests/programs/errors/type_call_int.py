# TypeError: 'int' object is not callable.
x = 3
print(x)
x()
# --- expected (CPython 3.11; EMLAB_BLESS=1 cargo test -p emlab --test differential) ---
# exit: 1
# stderr ends: TypeError: 'int' object is not callable
# stdout:
# | 3
