# A name the module does not have.
from gc import collect
print("imported collect")
from gc import sweep
# --- expected (CPython 3.11; EMLAB_BLESS=1 cargo test -p emlab --test differential) ---
# exit: 1
# stderr ends: ImportError: cannot import name 'sweep' from 'gc' (unknown location)
# stdout:
# | imported collect
