# An except clause needs exception classes.
try:
    raise ValueError("v")
except (ValueError, 3):
    print("not reached")
# --- expected (CPython 3.11; EMLAB_BLESS=1 cargo test -p emlab --test differential) ---
# exit: 1
# stderr ends: TypeError: catching classes that do not inherit from BaseException is not allowed
# stdout:
