# KeyError from dict.pop with one argument on a missing key.
d = {"k": 1}
print(d.pop("k"))
print(d.pop("k", "default"))
print(d.pop("k"))
# --- expected (CPython 3.11; EMLAB_BLESS=1 cargo test -p emlab --test differential) ---
# exit: 1
# stderr ends: KeyError: 'k'
# stdout:
# | 1
# | default
