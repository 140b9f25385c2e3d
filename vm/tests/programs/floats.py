# Floats: literals, CPython's repr, arithmetic mixed with ints, conversions, comparisons, hashing.
x = 1.5
y = 2
print(x, y, x + y, x * y, x - y, y / 4, 7 / 2, 1 / 3, -7 // 2.0, -7 % 2.0, 7.5 % -2)
print(0.1 + 0.2, 1e16, 1e15, 1.5e-7, 0.0001, 0.00001, -0.0, 1e300 * 1e300, 2.0 ** 0.5)
print(str(1.0), repr(2.50), 3.0 * 2, 1e22, 1.0e-3, .5, 5., 1_000.000_1, 0.1 * 3, 100.0 / 3)
print(int(1e18), float(10 ** 18), 1.7976931348623157e308, 5e-324, 123456789.123456789)
print(float(), float(3), float("2.5"), float(" -1e3 "), float("inf"), float("-inf"), float("nan"), float("1_0.5"))
print(int(2.9), int(-2.9), round(2.5), round(3.5), round(-0.5), round(2.675, 2), round(1.23456, 3))
print(round(1234, -2), round(1250, -2), round(1350, -2), round(7), round(-2.5), round(0.5, 0))
print(abs(-2.5), min(1.5, 2), max([1, 2.5, 2]), sum([0.1, 0.2, 0.3]), sum([1, 2], 0.5))
print(1 == 1.0, 1 < 1.5, 2 > 1.5, 1.0 != 1, 2 ** 53 + 1 == float(2 ** 53), 2 ** 53 + 1 > float(2 ** 53))
d = {1: "one", 2.5: "two and a half"}
print(d[1.0], 1.0 in d, d[2.5], 2.0 in [1, 2, 3], [1.0, 2] == [1, 2.0], (1, 2.0) == (1.0, 2))
nan = float("nan")
print(nan == nan, nan != nan, nan < 1, nan > 1, nan <= 1, [nan] == [nan], nan in [nan])
print(type(1.5), type(1.5).__name__, isinstance(1.5, float), isinstance(1, float), type(7 / 7))
print(divmod(7, 2), divmod(-7, 2), divmod(7.5, 2), pow(2.0, 3), pow(3, -1), 3.0 // 2, 3 // 2.0)
print(sorted([3, 1.5, 2, -0.5]), [v * 0.5 for v in range(4)], max(0.1, 0.2, key=None) if False else 0.2)
a = 10
a /= 4
print(a)
a *= 2
a -= 0.5
a += 1
print(a, a == 5.5, bool(0.0), bool(-0.1), not 0.0)
total = 0.0
for i in range(10):
    total += 0.1
print(total, total == 1.0, abs(total - 1.0) < 1e-9)
mean = sum([2, 4, 4, 4, 5, 5, 7, 9]) / 8
var = sum([(v - mean) ** 2 for v in [2, 4, 4, 4, 5, 5, 7, 9]]) / 8
print(mean, var, var ** 0.5)
# --- expected (CPython 3.11; EMLAB_BLESS=1 cargo test -p emlab --test differential) ---
# exit: 0
# stdout:
# | 1.5 2 3.5 3.0 -0.5 0.5 3.5 0.3333333333333333 -4.0 1.0 -0.5
# | 0.30000000000000004 1e+16 1000000000000000.0 1.5e-07 0.0001 1e-05 -0.0 inf 1.4142135623730951
# | 1.0 2.5 6.0 1e+22 0.001 0.5 5.0 1000.0001 0.30000000000000004 33.333333333333336
# | 1000000000000000000 1e+18 1.7976931348623157e+308 5e-324 123456789.12345679
# | 0.0 3.0 2.5 -1000.0 inf -inf nan 10.5
# | 2 -2 2 4 0 2.67 1.235
# | 1200 1200 1400 7 -2 0.0
# | 2.5 1.5 2.5 0.6000000000000001 3.5
# | True True True False False True
# | one True two and a half True True True
# | False True False False False True True
# | <class 'float'> float True False <class 'float'>
# | (3, 1) (-4, 1) (3.0, 1.5) 8.0 0.3333333333333333 1.0 1.0
# | [-0.5, 1.5, 2, 3] [0.0, 0.5, 1.0, 1.5] 0.2
# | 2.5
# | 5.5 True False True True
# | 0.9999999999999999 False True
# | 5.0 4.0 2.0
