# == / != on lists, tuples and dicts, deep equality, int/bool equality inside.
print([1, 2] == [1, 2], [1, 2] == [2, 1], [1, 2] != [1, 2, 3])
print((1, 2) == (1, 2), (1,) == (1,), () == ())
print([] == [], [] == (), [1] == (1,))
print({"a": 1, "b": 2} == {"b": 2, "a": 1})
print({"a": 1} == {"a": 2}, {"a": 1} != {"b": 1})
print([[1, [2]], (3, {"k": "v"})] == [[1, [2]], (3, {"k": "v"})])
print([[1, [2]]] == [[1, [3]]])
print([1, True] == [True, 1], (0,) == (False,))
print({1: "a"} == {True: "a"})
print([None] == [None], [None] == [0])
print("abc" == "abc", "abc" == "abd")
a = [1, 2, 3]
b = []
for x in a:
    b.append(x)
print(a == b, a is b)
b.append(4)
print(a == b, a != b)
t1 = (a, "x")
t2 = ([1, 2, 3], "x")
print(t1 == t2)
d1 = {}
d2 = {}
d1["k"] = [1]
d2["k"] = [1]
print(d1 == d2)
d2["k"].append(2)
print(d1 == d2, d1, d2)
# --- expected (CPython 3.11; EMLAB_BLESS=1 cargo test -p emlab --test differential) ---
# exit: 0
# stdout:
# | True False True
# | True True True
# | True False False
# | True
# | False True
# | True
# | False
# | True True
# | True
# | True False
# | True False
# | True False
# | False True
# | True
# | True
# | False {'k': [1]} {'k': [1, 2]}
