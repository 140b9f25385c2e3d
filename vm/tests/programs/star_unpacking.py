# Star-unpacking: `*rest` in assignment and `for` targets, `*xs` in list, tuple and set displays.
first, *rest = [1, 2, 3]
print(first, rest)
*init, last = (1, 2, 3)
print(init, last)
a, *mid, b = range(5)
print(a, mid, b)
x, *empty, y = "xy"
print(x, empty, y)
[p, *q] = iter([7])
print(p, q)
(m, *n), o = [1, 2], 3
print(m, n, o)
print([*rest, *init], (*rest, 0), {*rest}, [*"ab", 1, *range(2)], (*[],), [0, *()])
for h, *t in [(1, 2, 3), (4,), "ab"]:
    print(h, t)
def f(*args):
    return [*args, len(args)]
print(f(*[1, 2], 3))
items = {"k": 1, "j": 2}
print(sorted([*items]), [*items.values()])
try:
    u, *v, w = [1]
except ValueError as e:
    print(e)
try:
    u, *v = 5
except TypeError as e:
    print(e)
try:
    print([*5])
except TypeError as e:
    print(e)
# --- expected (CPython 3.11; EMLAB_BLESS=1 cargo test -p emlab --test differential) ---
# exit: 0
# stdout:
# | 1 [2, 3]
# | [1, 2] 3
# | 0 [1, 2, 3] 4
# | x [] y
# | 7 []
# | 1 [2] 3
# | [2, 3, 1, 2] (2, 3, 0) {2, 3} ['a', 'b', 1, 0, 1] () [0]
# | 1 [2, 3]
# | 4 []
# | a ['b']
# | [1, 2, 3, 3]
# | ['j', 'k'] [1, 2]
# | not enough values to unpack (expected at least 2, got 1)
# | cannot unpack non-iterable int object
# | Value after * must be an iterable, not int
