# str.index raises where str.find returns -1.
print("queue".find("z"))
print("queue".index("z"))
# --- expected (CPython 3.11; EMLAB_BLESS=1 cargo test -p emlab --test differential) ---
# exit: 1
# stderr ends: ValueError: substring not found
# stdout:
# | -1
