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
# --- expected (CPython 3.11; EMLAB_BLESS=1 cargo test -p emlab --test differential) ---
# exit: 0
# stdout:
# | [0, 1, 2, 3]
# | [3, 1, -1]
# | ['h', 'e', 'l', 'l', 'o']
# | []
# | [1, 2, 3]
# | []
# | [1, 2] [1, 2, 3] False False
# | []
# | ['x', 'y']
# | ['x', 'y'] [1, 2] [('x', 1), ('y', 2)]
# | ['a', 'b', 'c', 'd']
# | True
# | ['a', 'b']
# | [[1, 9], [2]]
# | 15
