# KeyError with a tuple key: the message is the tuple's repr.
grid = {(0, 0): "origin"}
print(grid[(0, 0)])
print(grid[(1, "x")])
# --- expected (CPython 3.11; EMLAB_BLESS=1 cargo test -p emlab --test differential) ---
# exit: 1
# stderr ends: KeyError: (1, 'x')
# stdout:
# | origin
