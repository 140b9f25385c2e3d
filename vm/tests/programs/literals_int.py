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
