# Augmented assignment on subscripts: lists (incl. negative indices) and dict values.
lst = [1, 2, 3, 4]
lst[0] += 10
lst[-1] -= 5
lst[1] *= 7
lst[2] //= 2
print(lst)
lst[-2] %= 1
lst[-4] += lst[-3]
print(lst)
d = {"a": 1, "b": 2}
d["a"] += 100
d["b"] *= -1
print(d)
counts = {}
word = "mississippi"
for ch in word:
    counts[ch] = counts.get(ch, 0) + 1
counts["s"] -= 1
counts["i"] //= 2
counts["p"] %= 2
print(counts)
grid = [[0, 0], [0, 0]]
grid[0][1] += 3
grid[1][0] -= 4
grid[-1][-1] += grid[0][1]
print(grid)
names = {"x": ["a"]}
names["x"] += ["b"]
print(names)
strs = ["a", "b"]
strs[1] += "!"
strs[0] *= 3
print(strs)
idx = {(1, 2): 5}
idx[(1, 2)] += 1
print(idx)
# --- expected (CPython 3.11; EMLAB_BLESS=1 cargo test -p emlab --test differential) ---
# exit: 0
# stdout:
# | [11, 14, 1, -1]
# | [25, 14, 0, -1]
# | {'a': 101, 'b': -2}
# | {'m': 1, 'i': 2, 's': 3, 'p': 0}
# | [[0, 3], [-4, 3]]
# | {'x': ['a', 'b']}
# | ['aaa', 'b!']
# | {(1, 2): 6}
