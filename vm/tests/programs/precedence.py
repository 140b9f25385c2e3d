# Operator precedence: unary, * // %, + -, comparisons, not, and, or, if-else.
print(1 + 2 * 3 - 4 // 2)
print(-2 * 3, -(2 * 3), -2 + 3)
print(-7 // 2, -(7 // 2))
print(-7 % 3, -(7 % 3))
print(2 * 3 % 4, 2 * (3 % 4))
print(10 // 3 * 3, 10 // (3 * 3))
print(1 + 2 == 3, 1 + 2 != 3)
print(not 1 == 2, (not 1) == 2)
print(not 1 + 1, not 0 + 0)
print(1 < 2 and 2 < 3, 1 < 2 and 3 < 2)
print(True or False and False, (True or False) and False)
print(0 or 1 and 2, (0 or 1) and 2)
print(not 0 and 0, not (0 and 0))
print(1 if 0 else 2 + 10, (1 if 0 else 2) + 10)
print(3 in [1, 2] or 2 in [1, 2])
print("a" + "b" * 2, ("a" + "b") * 2)
print([1] + [2] * 2, ([1] + [2]) * 2)
print(- - - 1, not not not 1)
x = 3
print(x * -1 + -x, x - -x)
print(2 + 3 * 4 % 5 // 2 - -1)
# --- expected (CPython 3.11; EMLAB_BLESS=1 cargo test -p emlab --test differential) ---
# exit: 0
# stdout:
# | 5
# | -6 -6 1
# | -4 -3
# | 2 -1
# | 2 6
# | 9 1
# | True False
# | True False
# | False True
# | True False
# | True False
# | 2 2
# | 0 True
# | 12 12
# | True
# | abb abab
# | [1, 2, 2] [1, 2, 1, 2]
# | -1 False
# | -6 6
# | 4
