# TypeError: calling a def with too many positional arguments.
def add(a, b):
    return a + b

print(add(1, 2))
print(add(1, 2, 3))
# --- expected (CPython 3.11; EMLAB_BLESS=1 cargo test -p emlab --test differential) ---
# exit: 1
# stderr ends: TypeError: add() takes 2 positional arguments but 3 were given
# stdout:
# | 3
