# TypeError: a class with no __init__ takes no arguments.
class Marker:
    pass


print(type(Marker()).__name__)
Marker(5)
# --- expected (CPython 3.11; EMLAB_BLESS=1 cargo test -p emlab --test differential) ---
# exit: 1
# stderr ends: TypeError: Marker() takes no arguments
# stdout:
# | Marker
