# Printing dict views: dict_keys([...]), dict_values([...]), dict_items([...]).
d = {"a": 1, "b": [2], (3,): None}
print(d.keys())
print(d.values())
print(d.items())
print({}.keys(), {}.values(), {}.items())
k = d.keys()
d["c"] = "late"
print(k)
print(len(k), "c" in k)
print(str(d.values()))
print(repr(d.items()))
print([d.keys()])
