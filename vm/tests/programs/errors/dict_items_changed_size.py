# The same for a view: removing a key while iterating over items().
d = {1: "a", 2: "b", 3: "c"}
for k, v in d.items():
    print(k, v)
    d.pop(3)
# --- expected (CPython 3.11; EMLAB_BLESS=1 cargo test -p emlab --test differential) ---
# exit: 1
# stderr ends: RuntimeError: dictionary changed size during iteration
# stdout:
# | 1 a
