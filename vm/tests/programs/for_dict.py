# for over a dict, dict.keys(), dict.values() and dict.items().
d = {"one": 1, "two": 2, "three": 3}
for k in d:
    print("key", k)
for k in d.keys():
    print("keys()", k)
for v in d.values():
    print("values()", v)
for kv in d.items():
    print("items()", kv)
for k, v in d.items():
    print(k, "->", v)
total = 0
for v in d.values():
    total += v
print(total)
empty = {}
for k in empty:
    print("never")
for k, v in empty.items():
    print("never")
mixed = {1: "int", "s": "str", (1, 2): "tuple", None: "none", False: "bool"}
for k in mixed:
    print(repr(k), mixed[k])
inv = {}
for k, v in d.items():
    inv[v] = k
print(inv)
# --- expected (CPython 3.11; EMLAB_BLESS=1 cargo test -p emlab --test differential) ---
# exit: 0
# stdout:
# | key one
# | key two
# | key three
# | keys() one
# | keys() two
# | keys() three
# | values() 1
# | values() 2
# | values() 3
# | items() ('one', 1)
# | items() ('two', 2)
# | items() ('three', 3)
# | one -> 1
# | two -> 2
# | three -> 3
# | 6
# | 1 int
# | 's' str
# | (1, 2) tuple
# | None none
# | False bool
# | {1: 'one', 2: 'two', 3: 'three'}
