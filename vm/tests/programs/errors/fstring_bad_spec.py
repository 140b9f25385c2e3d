# A format spec the value's type does not take.
count = 3
print(f"{count:>4}")
print(f"{count:s}")
# --- expected (CPython 3.11; EMLAB_BLESS=1 cargo test -p emlab --test differential) ---
# exit: 1
# stderr ends: ValueError: Unknown format code 's' for object of type 'int'
# stdout:
# |    3
