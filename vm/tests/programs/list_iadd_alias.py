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
