# More arguments than the format string takes.
print("%d of %d" % (1, 2))
print("%d" % (1, 2))
# --- expected (CPython 3.11; EMLAB_BLESS=1 cargo test -p emlab --test differential) ---
# exit: 1
# stderr ends: TypeError: not all arguments converted during string formatting
# stdout:
# | 1 of 2
