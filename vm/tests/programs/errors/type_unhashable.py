# TypeError: unhashable type: 'list' (a list used as a dict key).
d = {}
d[(1, 2)] = "tuple ok"
print(d)
d[[1, 2]] = "list not ok"
# --- expected (CPython 3.11; EMLAB_BLESS=1 cargo test -p emlab --test differential) ---
# exit: 1
# stderr ends: TypeError: unhashable type: 'list'
# stdout:
# | {(1, 2): 'tuple ok'}
