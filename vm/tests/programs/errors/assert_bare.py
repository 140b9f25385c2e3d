# AssertionError without a message (last stderr line is just "AssertionError").
x = 3
assert x == 3
print("first assert passed")
assert x == 4
# --- expected (CPython 3.11; EMLAB_BLESS=1 cargo test -p emlab --test differential) ---
# exit: 1
# stderr ends: AssertionError
# stdout:
# | first assert passed
