# dict methods: get (1 and 2 args), keys, values, items, pop (1 and 2 args).
d = {"a": 1, "b": 2, "c": 3}
print(d.get("a"), d.get("z"), d.get("z", 0), d.get("b", 99))
print(d.get("z", [1, 2]), d.get("c", None))
print(list(d.keys()))
print(list(d.values()))
print(list(d.items()))
print(d.pop("b"), d)
print(d.pop("zz", "default"), d)
print(d.pop("a", "unused"), d)
print(d.pop("missing", None))
d["new"] = "v"
print(d)
k = []
for key in d.keys():
    k.append(key)
print(k)
empty = {}
print(empty.get(1), list(empty.keys()), list(empty.items()))
counts = {}
for w in ["a", "b", "a", "c", "a", "b"]:
    counts[w] = counts.get(w, 0) + 1
print(counts)
total = 0
for v in counts.values():
    total += v
print(total)
pairs = []
for kv in counts.items():
    pairs.append(kv)
print(pairs, pairs[0][0], pairs[-1][1])
nested = {"inner": {"x": 1}}
print(nested.get("inner").get("x"), nested.get("other", {}).get("x"))
print(counts.pop("a") + counts.pop("b"), counts)
