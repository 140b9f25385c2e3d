# join needs strs.
print(",".join(["a", "b"]))
print(",".join(["a", 1]))
# --- expected (CPython 3.11; EMLAB_BLESS=1 cargo test -p emlab --test differential) ---
# exit: 1
# stderr ends: TypeError: sequence item 1: expected str instance, int found
# stdout:
# | a,b
