# TypeError: can only concatenate str (not "int") to str.
label = "count: "
print(label + str(3))
print(label + 3)
# --- expected (CPython 3.11; EMLAB_BLESS=1 cargo test -p emlab --test differential) ---
# exit: 1
# stderr ends: TypeError: can only concatenate str (not "int") to str
# stdout:
# | count: 3
