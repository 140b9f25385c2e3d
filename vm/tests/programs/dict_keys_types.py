# dict keys of type int, str, tuple, bool and None; 1/True and 0/False are the same key.
d = {}
d[1] = "int one"
d["1"] = "str one"
d[(1,)] = "tuple one"
d[None] = "none"
d[(1, "a", None)] = "mixed tuple"
d[-5] = "negative"
d[()] = "empty tuple"
print(d)
print(d[1], d["1"], d[(1,)], d[None], d[(1, "a", None)], d[-5], d[()])
d[True] = "true replaces value, key stays 1"
print(d)
print(d[1], d[True])
b = {True: "t", False: "f"}
print(b)
b[1] = "one"
b[0] = "zero"
print(b, len(b))
c = {1: "a", True: "b", 1: "c"}
print(c)
z = {0: "zero", False: "false"}
print(z)
print(True in {1: 0}, 0 in {False: 1}, 2 in {True: 1})
t = {(1, 2): "a", (2, 1): "b", ((1, 2), 3): "c"}
print(t[(1, 2)], t[(2, 1)], t[((1, 2), 3)])
print(t.get((1, 2, 3)), t.get((True, 2)))
n = {None: 0}
n[None] += 1
print(n)
s = {"": "empty key", " ": "space"}
print(s[""], s[" "])
# --- expected (CPython 3.11; EMLAB_BLESS=1 cargo test -p emlab --test differential) ---
# exit: 0
# stdout:
# | {1: 'int one', '1': 'str one', (1,): 'tuple one', None: 'none', (1, 'a', None): 'mixed tuple', -5: 'negative', (): 'empty tuple'}
# | int one str one tuple one none mixed tuple negative empty tuple
# | {1: 'true replaces value, key stays 1', '1': 'str one', (1,): 'tuple one', None: 'none', (1, 'a', None): 'mixed tuple', -5: 'negative', (): 'empty tuple'}
# | true replaces value, key stays 1 true replaces value, key stays 1
# | {True: 't', False: 'f'}
# | {True: 'one', False: 'zero'} 2
# | {1: 'c'}
# | {0: 'false'}
# | True True False
# | a b c
# | None a
# | {None: 1}
# | empty key space
