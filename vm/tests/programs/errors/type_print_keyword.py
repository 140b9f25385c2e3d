# print() takes sep, end, file and flush; any other keyword is a TypeError.
print("a", "b", sep="+")
print("a", "b", separator="+")
# --- expected (CPython 3.11; EMLAB_BLESS=1 cargo test -p emlab --test differential) ---
# exit: 1
# stderr ends: TypeError: 'separator' is an invalid keyword argument for print()
# stdout:
# | a+b
