# %d needs a number.
print("%d" % 5)
print("%d items" % "five")
# --- expected (CPython 3.11; EMLAB_BLESS=1 cargo test -p emlab --test differential) ---
# exit: 1
# stderr ends: TypeError: %d format: a real number is required, not str
# stdout:
# | 5
