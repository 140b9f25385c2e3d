# Only ints, bools and strs take a non-empty format spec here (as in CPython: object.__format__).
items = [1, 2]
print(f"{items}")
print(f"{items:>10}")
# --- expected (CPython 3.11; EMLAB_BLESS=1 cargo test -p emlab --test differential) ---
# exit: 1
# stderr ends: TypeError: unsupported format string passed to list.__format__
# stdout:
# | [1, 2]
