# TypeError: sorting values that do not compare.
print(sorted([3, 1]))
print(sorted([3, "a", 1]))
# --- expected (CPython 3.11; EMLAB_BLESS=1 cargo test -p emlab --test differential) ---
# exit: 1
# stderr ends: TypeError: '<' not supported between instances of 'str' and 'int'
# stdout:
# | [1, 3]
