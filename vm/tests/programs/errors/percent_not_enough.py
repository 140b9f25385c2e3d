# Fewer arguments than the format string takes.
print("%s" % "one")
print("%s and %s" % ("one",))
# --- expected (CPython 3.11; EMLAB_BLESS=1 cargo test -p emlab --test differential) ---
# exit: 1
# stderr ends: TypeError: not enough arguments for format string
# stdout:
# | one
