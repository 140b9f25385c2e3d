# TypeError: '<' not supported between instances of 'str' and 'int'.
print(1 < 2, "a" < "b")
print("a" < 1)
# --- expected (CPython 3.11; EMLAB_BLESS=1 cargo test -p emlab --test differential) ---
# exit: 1
# stderr ends: TypeError: '<' not supported between instances of 'str' and 'int'
# stdout:
# | True True
