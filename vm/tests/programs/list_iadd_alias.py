# list += is in-place (extends the same object); tuple/str += rebind.
a = [1, 2]
b = a
a += [3]
print(a, b, a is b)
a = a + [4]
print(a, b, a is b)
c = (1, 2)
d = c
c += (3,)
print(c, d)
s = "x"
t = s
s += "y"
print(s, t)
holder = [[1]]
inner = holder[0]
holder[0] += [2]
print(holder, inner)
e = []
e += (7, 8)
print(e)
g = []
g += "hi"
print(g)
m = [0]
m *= 3
print(m)
alias = m
m *= 2
print(m, alias, len(alias))
# --- expected (CPython 3.11; EMLAB_BLESS=1 cargo test -p emlab --test differential) ---
# exit: 0
# stdout:
# | [1, 2, 3] [1, 2, 3] True
# | [1, 2, 3, 4] [1, 2, 3] False
# | (1, 2, 3) (1, 2)
# | xy x
# | [[1, 2]] [1, 2]
# | [7, 8]
# | ['h', 'i']
# | [0, 0, 0]
# | [0, 0, 0, 0, 0, 0] [0, 0, 0, 0, 0, 0] 6
