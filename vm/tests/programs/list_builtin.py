# list(): from range, str, tuple, list (a copy), and dict (its keys).
print(list(range(4)))
print(list(range(3, -3, -2)))
print(list("hello"))
print(list(""))
print(list((1, 2, 3)))
print(list(()))
a = [1, 2]
b = list(a)
b.append(3)
print(a, b, a == b, a is b)
print(list([]))
d = {"x": 1, "y": 2}
print(list(d))
print(list(d.keys()), list(d.values()), list(d.items()))
chars = list("abc")
chars.append("d")
print(chars)
word = "racecar"
letters = list(word)
rev = []
i = len(letters) - 1
while i >= 0:
    rev.append(letters[i])
    i -= 1
print(rev == letters)
print(list(list("ab")))
nested = list(([1], [2]))
nested[0].append(9)
print(nested)
print(len(list(range(0, 100, 7))))
