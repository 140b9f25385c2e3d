# Methods of built-in types taken from the type: str.strip as a key or a map function,
# list.append bound later, dict.get, set.union; CPython's messages for a wrong receiver.
lines = ["  alpha \n", "beta\n", "  Gamma"]
print(list(map(str.strip, lines)), sorted(["b", "C", "a"], key=str.lower))
print(str.upper("abc"), str.join(", ", ["x", "y"]), str.split("a,b,,c", ","), str.split("a b", maxsplit=1))
print(str.replace("aaa", "a", "b", 2), str.startswith("prefix", "pre"), str.format("{}-{}", 1, 2))
words = "the cat sat on the mat".split()
print(sorted(set(words), key=str.upper), list(filter(str.isalpha, ["ab", "a1", "c"])))
stack = []
push = list.append
push(stack, 1)
push(stack, 2)
print(stack, list.pop(stack), stack, list.index([5, 6, 7], 7), tuple.count((1, 2, 1), 1))
d = {"a": 1}
print(dict.get(d, "a"), dict.get(d, "z", 0), list(dict.keys(d)), dict.items(d))
print(set.union({1}, {2}, [3]), set.issubset({1}, {1, 2}))
print(str.upper, list.append, dict.get)
for bad in [lambda: str.upper(5), lambda: list.append((1,), 2), lambda: str.upper(), lambda: dict.keys([])]:
    try:
        bad()
    except TypeError as e:
        print("TypeError:", e)
try:
    str.nonexistent
except AttributeError as e:
    print("AttributeError:", e)
# Bound to an object: a callback that appends, a dict's get as a sort key.
import threading

results = []
threads = [threading.Thread(target=results.append, args=(n * n,)) for n in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
counts = {"b": 1, "a": 2, "c": 0}
add = results.append
add(-1)
print(sorted(results), sorted(counts, key=counts.get), list(map("+".join, [("x", "y")])))
# --- expected (CPython 3.11; EMLAB_BLESS=1 cargo test -p emlab --test differential) ---
# exit: 0
# stdout:
# | ['alpha', 'beta', 'Gamma'] ['a', 'b', 'C']
# | ABC x, y ['a', 'b', '', 'c'] ['a', 'b']
# | bba True 1-2
# | ['cat', 'mat', 'on', 'sat', 'the'] ['ab', 'c']
# | [1] 2 [1] 2 2
# | 1 0 ['a'] dict_items([('a', 1)])
# | {1, 2, 3} True
# | <method 'upper' of 'str' objects> <method 'append' of 'list' objects> <method 'get' of 'dict' objects>
# | TypeError: descriptor 'upper' for 'str' objects doesn't apply to a 'int' object
# | TypeError: descriptor 'append' for 'list' objects doesn't apply to a 'tuple' object
# | TypeError: unbound method str.upper() needs an argument
# | TypeError: descriptor 'keys' for 'dict' objects doesn't apply to a 'list' object
# | AttributeError: type object 'str' has no attribute 'nonexistent'
# | [-1, 0, 1, 4, 9] ['c', 'b', 'a'] ['x+y']
