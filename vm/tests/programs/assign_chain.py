# Plain and chained assignment; chained targets alias the same object.
a = 1
print(a)
a = b = 2
print(a, b)
x = y = z = "same"
print(x, y, z)
p = q = []
p.append(1)
q.append(2)
print(p, q)
print(p is q)
d1 = d2 = {}
d1["k"] = 1
print(d2)
n = m = 5
n = n + 1
print(n, m)
lst = [0, 0, 0]
lst[0] = lst[2] = 7
print(lst)
t = u = (1, 2)
print(t == u, t is u)
a = b = c = None
print(a, b, c)
i = j = 0
i += 1
print(i, j)
# --- expected (CPython 3.11; EMLAB_BLESS=1 cargo test -p emlab --test differential) ---
# exit: 0
# stdout:
# | 1
# | 2 2
# | same same same
# | [1, 2] [1, 2]
# | True
# | {'k': 1}
# | 6 5
# | [7, 0, 7]
# | True True
# | None None None
# | 1 0
