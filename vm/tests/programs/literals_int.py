# Integer literals within 64 bits: zero, negatives, large values, arithmetic near the edges.
print(0)
print(1)
print(-1)
print(1000000)
print(2147483647)
print(2147483648)
print(-2147483648)
print(4294967296)
print(9223372036854775807)
print(-9223372036854775807)
print(9223372036854775807 - 9223372036854775807)
print(4611686018427387903 * 2 + 1)
print(-4611686018427387904 * 2)
print(3037000499 * 3037000499)
x = 1
for i in range(62):
    x = x * 2
print(x)
print(x - 1 + x)
print(-x - x)
y = 1
for i in range(1, 21):
    y *= i
print(y)
print(123 + 456, 999 * 999)
print(-0, 0 - 0)
# --- expected (CPython 3.11; EMLAB_BLESS=1 cargo test -p emlab --test differential) ---
# exit: 0
# stdout:
# | 0
# | 1
# | -1
# | 1000000
# | 2147483647
# | 2147483648
# | -2147483648
# | 4294967296
# | 9223372036854775807
# | -9223372036854775807
# | 0
# | 9223372036854775807
# | -9223372036854775808
# | 9223372030926249001
# | 4611686018427387904
# | 9223372036854775807
# | -9223372036854775808
# | 2432902008176640000
# | 579 998001
# | 0 0
