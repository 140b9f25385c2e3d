# repr/print of containers: nesting, empties, 1-tuples, None/True inside, dict order.
print([])
print(())
print({})
print((1,))
print((1, 2))
print(((),))
print([()])
print([[]])
print([1, [2, [3, [4]]]])
print((1, (2, (3,))))
print({"a": {"b": {"c": None}}})
print([None, True, False, 0, -1, "s"])
print((None,), (True, False))
print({1: None, None: 1, True: False})
print({(1, 2): [3, 4], "k": (5,)})
print([{}, {"x": []}, ([],)])
print(repr([1, "two", (3,)]))
print(repr((1,)))
print(repr({}))
print(repr(None), repr(True), repr(False), repr(0), repr(-12))
d = {}
d["z"] = 1
d["a"] = 2
d["m"] = 3
print(d)
d["z"] = 4
print(d)
nested = [d, [d]]
print(nested)
print(str([1, "a"]), str((1, "a")), str({"a": 1}))
print([repr("a"), str("a")])
t = ([1, 2], {"k": "v"})
print(t)
# --- expected (CPython 3.11; EMLAB_BLESS=1 cargo test -p emlab --test differential) ---
# exit: 0
# stdout:
# | []
# | ()
# | {}
# | (1,)
# | (1, 2)
# | ((),)
# | [()]
# | [[]]
# | [1, [2, [3, [4]]]]
# | (1, (2, (3,)))
# | {'a': {'b': {'c': None}}}
# | [None, True, False, 0, -1, 's']
# | (None,) (True, False)
# | {1: False, None: 1}
# | {(1, 2): [3, 4], 'k': (5,)}
# | [{}, {'x': []}, ([],)]
# | [1, 'two', (3,)]
# | (1,)
# | {}
# | None True False 0 -12
# | {'z': 1, 'a': 2, 'm': 3}
# | {'z': 4, 'a': 2, 'm': 3}
# | [{'z': 4, 'a': 2, 'm': 3}, [{'z': 4, 'a': 2, 'm': 3}]]
# | [1, 'a'] (1, 'a') {'a': 1}
# | ["'a'", 'a']
# | ([1, 2], {'k': 'v'})
