# + - * on ints, unary minus, precedence and parentheses.
print(1 + 2)
print(10 - 3)
print(6 * 7)
print(2 + 3 * 4)
print((2 + 3) * 4)
print(10 - 4 - 3)
print(10 - (4 - 3))
print(-5 + 3)
print(-(5 + 3))
print(- -4)
print(3 * -2)
print(-3 * -2)
print(0 * -1)
print(100 - 200)
x = 7
y = -x
print(x, y, -y)
print(x * x - y * y)
print(1 + 2 + 3 + 4 + 5 + 6 + 7 + 8 + 9 + 10)
print(123456789 * 1000)
print(2 * 3 * 4 * 5 * 6 * 7 * 8 * 9 * 10)
big = 4611686018427387904
print(big - 1 + big)
print(-9223372036854775807)
print(9223372036854775807 - 1)
# --- expected (CPython 3.11; EMLAB_BLESS=1 cargo test -p emlab --test differential) ---
# exit: 0
# stdout:
# | 3
# | 7
# | 42
# | 14
# | 20
# | 3
# | 9
# | -2
# | -8
# | 4
# | -6
# | 6
# | 0
# | -100
# | 7 -7 7
# | 0
# | 55
# | 123456789000
# | 3628800
# | 9223372036854775807
# | -9223372036854775807
# | 9223372036854775806
