# Adding a key while a for loop iterates over the dict is a RuntimeError.
d = {1: "a", 2: "b"}
seen = []
for k in d:
    seen.append(k)
    d[k + 10] = "c"
print(seen)
# --- expected (CPython 3.11; EMLAB_BLESS=1 cargo test -p emlab --test differential) ---
# exit: 1
# stderr ends: RuntimeError: dictionary changed size during iteration
# stdout:
