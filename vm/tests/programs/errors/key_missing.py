# KeyError: a missing str key (the message is the repr of the key).
d = {"a": 1, "b": 2}
print(d["a"])
print(d["missing"])
# --- expected (CPython 3.11; EMLAB_BLESS=1 cargo test -p emlab --test differential) ---
# exit: 1
# stderr ends: KeyError: 'missing'
# stdout:
# | 1
