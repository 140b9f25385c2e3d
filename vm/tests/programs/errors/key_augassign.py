# KeyError from += on a dict entry that does not exist yet (int key).
counts = {1: 0}
counts[1] += 1
print(counts)
counts[2] += 1
# --- expected (CPython 3.11; EMLAB_BLESS=1 cargo test -p emlab --test differential) ---
# exit: 1
# stderr ends: KeyError: 2
# stdout:
# | {1: 1}
