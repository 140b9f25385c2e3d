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
# --- expected (CPython 3.11; EMLAB_BLESS=1 cargo test -p emlab --test differential) ---
# exit: 0
# stdout:
# | dict_keys(['a', 'b', (3,)])
# | dict_values([1, [2], None])
# | dict_items([('a', 1), ('b', [2]), ((3,), None)])
# | dict_keys([]) dict_values([]) dict_items([])
# | dict_keys(['a', 'b', (3,), 'c'])
# | 4 True
# | dict_values([1, [2], None, 'late'])
# | dict_items([('a', 1), ('b', [2]), ((3,), None), ('c', 'late')])
# | [dict_keys(['a', 'b', (3,), 'c'])]
