# ValueError: invalid literal for int() with base 10: 'abc'.
print(int("12"))
print(int("abc"))
# --- expected (CPython 3.11; EMLAB_BLESS=1 cargo test -p emlab --test differential) ---
# exit: 1
# stderr ends: ValueError: invalid literal for int() with base 10: 'abc'
# stdout:
# | 12
