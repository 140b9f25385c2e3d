# for a, b in ... over lists of tuples, lists of lists, dict items.
pairs = [(1, "one"), (2, "two"), (3, "three")]
for n, name in pairs:
    print(n, name)
for a, b in [[1, 2], [3, 4]]:
    print(a + b)
for a, b in ((5, 6), (7, 8)):
    print(a * b)
for x, y in [["a", "b"], ("c", "d")]:
    print(y, x)
points = [(0, 0), (3, 4), (-1, 2)]
best = None
for x, y in points:
    dist = x * x + y * y
    if best is None or dist > best:
        best = dist
print("max squared distance", best)
for k, v in {"a": [1], "b": [2, 3]}.items():
    print(k, len(v), v)
total = 0
for i, j in [(1, 1), (2, 2), (3, 3)]:
    total += i * j
print(total)
for a, b in [(1, (2, 3))]:
    print(a, b, b[0])
