# A format field with no argument for it.
print("{} {}".format(1, 2))
print("{} {}".format(1))
# --- expected (CPython 3.11; EMLAB_BLESS=1 cargo test -p emlab --test differential) ---
# exit: 1
# stderr ends: IndexError: Replacement index 1 out of range for positional args tuple
# stdout:
# | 1 2
