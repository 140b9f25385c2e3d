# RuntimeError: super() with no arguments outside a method.
print("start")
super()
# --- expected (CPython 3.11; EMLAB_BLESS=1 cargo test -p emlab --test differential) ---
# exit: 1
# stderr ends: RuntimeError: super(): no arguments
# stdout:
# | start
