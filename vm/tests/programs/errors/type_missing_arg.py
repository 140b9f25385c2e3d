# TypeError: calling a def with a missing positional argument.
def area(w, h):
    return w * h

print(area(3, 4))
print(area(3))
# --- expected (CPython 3.11; EMLAB_BLESS=1 cargo test -p emlab --test differential) ---
# exit: 1
# stderr ends: TypeError: area() missing 1 required positional argument: 'h'
# stdout:
# | 12
