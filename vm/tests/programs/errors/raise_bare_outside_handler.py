# A bare `raise` with no exception being handled.
def again():
    raise

try:
    raise KeyError("first")
except KeyError:
    print("handled")
again()
# --- expected (CPython 3.11; EMLAB_BLESS=1 cargo test -p emlab --test differential) ---
# exit: 1
# stderr ends: RuntimeError: No active exception to reraise
# stdout:
# | handled
