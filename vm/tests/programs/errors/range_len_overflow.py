# len() of a range with more than 2**63 - 1 items is an OverflowError (not -1).
r = range(-9223372036854775807 - 1, 9223372036854775807)
print(len(range(-5, 5)))
print(len(r))
# --- expected (CPython 3.11; EMLAB_BLESS=1 cargo test -p emlab --test differential) ---
# exit: 1
# stderr ends: OverflowError: Python int too large to convert to C ssize_t
# stdout:
# | 10
