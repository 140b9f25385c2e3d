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
