# abs(); min()/max() over a list, tuple or str, and over several arguments.
print(abs(5), abs(-5), abs(0))
print(abs(-9223372036854775807))
print(abs(3 - 10), abs(10 - 3))
print(min([3, 1, 2]), max([3, 1, 2]))
print(min((5, -5, 0)), max((5, -5, 0)))
print(min(4, 9), max(4, 9))
print(min(3, 1, 2, -7, 8), max(3, 1, 2, -7, 8))
print(min([42]), max([42]))
print(min("zebra"), max("zebra"))
print(min(["pear", "apple"]), max(["pear", "apple"]))
print(min("b", "a"), max("b", "a"))
print(min([1, 1, 1]), max(-1, -1))
print(max([[1, 2], [1, 3], [0, 9]]))
vals = []
for i in range(10):
    vals.append((i * 7) % 11 - 5)
print(vals)
print(min(vals), max(vals), abs(min(vals)))
def spread(lst):
    return max(lst) - min(lst)
print(spread(vals))
print(max(abs(-3), abs(2)), min(abs(-3), abs(2)))
print(max(min(1, 2), min(3, 4)))
print(min(list(range(5, 10))), max(list(range(5, 10))))
# --- expected (CPython 3.11; EMLAB_BLESS=1 cargo test -p emlab --test differential) ---
# exit: 0
# stdout:
# | 5 5 0
# | 9223372036854775807
# | 7 7
# | 1 3
# | -5 5
# | 4 9
# | -7 8
# | 42 42
# | a z
# | apple pear
# | a b
# | 1 -1
# | [1, 3]
# | [-5, 2, -2, 5, 1, -3, 4, 0, -4, 3]
# | -5 5 5
# | 10
# | 3 2
# | 3
# | 5 9
