# dict insertion order: overwriting keeps a key's place; pop then reinsert moves it last.
d = {}
d["c"] = 3
d["a"] = 1
d["b"] = 2
print(d)
d["c"] = 30
print(d)
d.pop("c")
d["c"] = 300
print(d)
print(list(d.keys()))
nums = {}
for i in [5, 3, 9, 1, 3, 5]:
    nums[i] = nums.get(i, 0) + 1
print(nums)
print(list(nums.items()))
e = {3: "x", 1: "y", 2: "z"}
print(e, list(e.values()))
f = {"k": 1, "k": 2, "j": 3}
print(f)
g = {}
for i in range(10, 0, -1):
    g[i] = i * i
print(g)
for i in range(2, 11, 2):
    g.pop(i)
print(g)
g[10] = 0
g[1] = -1
print(g)
h = {1: "a", 2: "b"}
h.pop(1)
h[1] = "a"
print(h)
# --- expected (CPython 3.11; EMLAB_BLESS=1 cargo test -p emlab --test differential) ---
# exit: 0
# stdout:
# | {'c': 3, 'a': 1, 'b': 2}
# | {'c': 30, 'a': 1, 'b': 2}
# | {'a': 1, 'b': 2, 'c': 300}
# | ['a', 'b', 'c']
# | {5: 2, 3: 2, 9: 1, 1: 1}
# | [(5, 2), (3, 2), (9, 1), (1, 1)]
# | {3: 'x', 1: 'y', 2: 'z'} ['x', 'y', 'z']
# | {'k': 2, 'j': 3}
# | {10: 100, 9: 81, 8: 64, 7: 49, 6: 36, 5: 25, 4: 16, 3: 9, 2: 4, 1: 1}
# | {9: 81, 7: 49, 5: 25, 3: 9, 1: 1}
# | {9: 81, 7: 49, 5: 25, 3: 9, 1: -1, 10: 0}
# | {2: 'b', 1: 'a'}
