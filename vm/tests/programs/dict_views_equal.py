# keys() and items() views are set-like: equal when they hold the same keys (and values).
d = {1: "a", 2: "b"}
e = {2: "b", 1: "a"}
f = {1: "a", 2: "z"}
print(d.keys() == d.keys(), d.items() == d.items())
print(d.keys() == e.keys(), d.items() == e.items())
print(d.keys() == f.keys(), d.items() == f.items())
print(d.keys() != e.keys(), d.items() != f.items())
print(d.keys() == d.items(), d.keys() == [1, 2], d.values() == d.values())
v = d.values()
print(v == v, {}.keys() == {}.keys())
n = {(1, 2): [1], "k": {"x": 1}}
m = {"k": {"x": 1}, (1, 2): [1]}
print(n.items() == m.items())
for k in d:
    d[k] = "same size is fine"
print(d)
# --- expected (CPython 3.11; EMLAB_BLESS=1 cargo test -p emlab --test differential) ---
# exit: 0
# stdout:
# | True True
# | True True
# | True False
# | False True
# | False False False
# | True True
# | True
# | {1: 'same size is fine', 2: 'same size is fine'}
