# Tuple assignment: swaps, unpacking tuples and lists, rotation.
a = 1
b = 2
a, b = b, a
print(a, b)
x, y = 10, 20
print(x, y)
x, y = y, x + y
print(x, y)
p, q, r = 1, 2, 3
p, q, r = r, p, q
print(p, q, r)
s, t = [5, 6]
print(s, t)
pair = ("left", "right")
l, rr = pair
print(l, rr)
f0, f1 = 0, 1
i = 0
while i < 10:
    f0, f1 = f1, f0 + f1
    i += 1
print(f0, f1)
lst = [1, 2, 3]
first, last = lst[2], lst[0]
lst[0] = first
lst[2] = last
print(lst)
c, d = "ab", "cd"
print(c + d)
u, v = (9, (8, 7))
print(u, v)
# --- expected (CPython 3.11; EMLAB_BLESS=1 cargo test -p emlab --test differential) ---
# exit: 0
# stdout:
# | 2 1
# | 10 20
# | 20 30
# | 3 1 2
# | 5 6
# | left right
# | 55 89
# | [3, 2, 1]
# | abcd
# | 9 (8, 7)
