# AttributeError: module 'gc' has no attribute 'frobnicate'.
import gc
gc.collect()
print("collected")
gc.frobnicate()
# --- expected (CPython 3.11; EMLAB_BLESS=1 cargo test -p emlab --test differential) ---
# exit: 1
# stderr ends: AttributeError: module 'gc' has no attribute 'frobnicate'
# stdout:
# | collected
