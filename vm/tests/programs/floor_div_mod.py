# // and % follow Python's floor semantics for negative operands.
print(7 // 2, 7 % 2)
print(-7 // 2, -7 % 2)
print(7 // -2, 7 % -2)
print(-7 // -2, -7 % -2)
print(6 // 3, -6 // 3, 6 // -3, -6 // -3)
print(6 % 3, -6 % 3, 6 % -3, -6 % -3)
print(0 // 5, 0 % 5, 0 // -5, 0 % -5)
print(1 // 10, -1 // 10, 1 % 10, -1 % 10)
print(-1 % -10, 1 % -10)
print(-7 // 2 * 2 + -7 % 2)
print(- 7 % 3)
print(-(7 % 3))
print(17 // 5 % 2)
a = -13
b = 4
q = a // b
r = a % b
print(q, r, q * b + r)
a = 13
b = -4
print(a // b, a % b, (a // b) * b + a % b)
print(1000000007 % 97, -1000000007 % 97)
print(9223372036854775807 // 2, 9223372036854775807 % 2)
print(-9223372036854775807 // 10, -9223372036854775807 % 10)
# --- expected (CPython 3.11; EMLAB_BLESS=1 cargo test -p emlab --test differential) ---
# exit: 0
# stdout:
# | 3 1
# | -4 1
# | -4 -1
# | 3 -1
# | 2 -2 -2 2
# | 0 0 0 0
# | 0 0 0 0
# | 0 -1 1 9
# | -1 -9
# | -7
# | 2
# | -1
# | 1
# | -4 3 -13
# | -4 -3 13
# | 41 56
# | 4611686018427387903 1
# | -922337203685477581 3
