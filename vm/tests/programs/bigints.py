# Ints past 64 bits: arithmetic, comparisons with floats, hashing, text and formatting, as CPython.
import math

def attempt(text, f, *args):
    try:
        print(text, "->", f(*args))
    except Exception as e:
        print(text, "->", type(e).__name__ + ":", e)

print(2 ** 64, 2 ** 100, -(2 ** 63) - 1, 9223372036854775807 + 1, -9223372036854775807 - 2)
print(math.factorial(30), math.comb(100, 50), math.gcd(2 ** 80, 6 ** 40), math.isqrt(10 ** 40))
big = 2 ** 70
print(big + 1, big - big, big * big, big // 3, big % 1000, -big // 7, divmod(-big, 7), big // -3, big % -3)
print(-7 >> 1, -big >> 3, (-big - 1) >> 69, big >> 100, -big >> 100, big & -3, -big | 5, ~big, big ^ (big - 1))
print(1 << 64, 1 << 200, 3 << 62, -1 << 63, -1 << 64, (1 << 64) >> 1)
print(10 ** 30 / 7, 2 ** 100 / 3 ** 50, (2 ** 53 + 1) / 1, float(2 ** 53 + 1), float(2 ** 54 + 3), float(10 ** 22 + 1))
print(10 ** 400 // 10 ** 399, (10 ** 20) ** 2, 3 ** 100 - 3 ** 100 + 5, type(2 ** 100 - 2 ** 100 + 1).__name__)
print(9007199254740993 / 1, 123456789012345678 / 10, -(2 ** 62) * 4 / 3)
print(2 ** 64 == 2.0 ** 64, 2 ** 64 < 2.0 ** 64 + 4096, 2 ** 64 + 1 > 2.0 ** 64, 10 ** 400 > 1e308, -10 ** 400 < -1e308)
print(10 ** 400 < float("inf"), big == big + 0, big != big + 1, big > 5, 5 < big, big == 2.0 ** 70, big <= 2.0 ** 70)
print(big + 0.5, 0.5 * big, big / 2.0, big ** 0.5, big > float("nan"), big == float("nan"))
print(int(1e30), int(-1.5e19), int("123456789012345678901234567890"), int("-98765432109876543210"), int(big))
print(pow(3, 200, 10 ** 30 + 7), pow(2 ** 70, 3, 1000), pow(3, -1, 7), pow(2 ** 70, -1, 10 ** 9 + 7), pow(-3, 5, -7))
print(abs(-big), abs(-(2 ** 63)), -(-(2 ** 63)), +big, round(big, -5), round(123456789012345678901234, -3), round(big))
print(round(2.5e20), round(-1e25), math.floor(1e20), math.ceil(-1.5e30), math.trunc(2.0 ** 80))
print(format(big, ","), format(big, "x"), format(-big, "#b"), f"{big:>30}", f"{big:_}", "%d" % big, "%x" % big, "%10.3e" % big)
print(str(2 ** 63), repr(-(2 ** 63) - 1), f"{big:.3e}", f"{big:g}", format(2 ** 60 + 1, "f"), format(123, ".2%"))
print(bool(big), big in {big: 1}, {big: "a"}[big], {2.0 ** 70: "f"}[big], {big: "i"}[2.0 ** 70], big in [1, big])
print(hash(2 ** 64), hash(-(2 ** 64)), hash(2 ** 61 - 1), hash(2 ** 61), hash(2 ** 70) == hash(2.0 ** 70), hash(big) == hash(big * 1))
print(sum([2 ** 62, 2 ** 62, 2 ** 62]), max(big, 3), min([big, -big]), sorted([big, 1, -(2 ** 65), 2.5]))
print({2 ** 64, 2 ** 65, 1, 2 ** 64}, (big, 1) == (2 ** 70, 1), [big] * 2, str(big).count("1"), len(str(3 ** 1000)))
print(math.sqrt(big), math.log(big), math.log2(2 ** 100), math.log10(10 ** 50), math.prod(range(1, 25)))
print(isinstance(big, int), type(big) is int, type(big).__name__, big.__class__.__name__ if hasattr(big, "__class__") else "int")
n = 1
for i in range(1, 40):
    n *= i
print(n, n // math.factorial(38), n % 1000000007)
fib = [0, 1]
while len(fib) < 120:
    fib.append(fib[-1] + fib[-2])
print(fib[-1], fib[-1] % 10 ** 9, fib[93] - fib[92] - fib[91])
attempt("str(10**4300)", str, 10 ** 4300)
attempt("int('1'*4301)", int, "1" * 4301)
attempt("float(2**1024)", float, 2 ** 1024)
attempt("2**1024 / 1", lambda: 2 ** 1024 / 1)
attempt("2**2000 + 1.0", lambda: 2 ** 2000 + 1.0)
attempt("1 << 10**20", lambda: 1 << 10 ** 20)
attempt("[1][2**70]", lambda: [1][2 ** 70])
attempt("big // 0", lambda: big // 0)
attempt("big % 0", lambda: big % 0)
attempt("big / 0", lambda: big / 0)
attempt("big >> -1", lambda: big >> -1)
attempt("pow(2, -1, 4)", pow, 2, -1, 4)
attempt("pow(2, 5, 0)", pow, 2, 5, 0)
attempt("math.factorial(2**70)", math.factorial, 2 ** 70)
attempt("big & 1.5", lambda: big & 1.5)
print(len(str(2 ** 10000)), 2 ** 10000 % 997, (7 ** 77) % (10 ** 20))
# --- expected (CPython 3.11; EMLAB_BLESS=1 cargo test -p emlab --test differential) ---
# exit: 0
# stdout:
# | 18446744073709551616 1267650600228229401496703205376 -9223372036854775809 9223372036854775808 -9223372036854775809
# | 265252859812191058636308480000000 100891344545564193334812497256 1099511627776 100000000000000000000
# | 1180591620717411303425 0 1393796574908163946345982392040522594123776 393530540239137101141 424 -168655945816773043347 (-168655945816773043347, 5) -393530540239137101142 -2
# | -4 -147573952589676412928 -3 0 -1 1180591620717411303424 -1180591620717411303419 -1180591620717411303425 2361183241434822606847
# | 18446744073709551616 1606938044258990275541962092341162602522202993782792835301376 13835058055282163712 -9223372036854775808 -18446744073709551616 9223372036854775808
# | 1.4285714285714285e+29 1765780.963259017 9007199254740992.0 9007199254740992.0 1.8014398509481988e+16 1e+22
# | 10 10000000000000000000000000000000000000000 5 int
# | 9007199254740992.0 1.2345678901234568e+16 -6.148914691236517e+18
# | True True True True True
# | True True True True True True True
# | 1.1805916207174113e+21 5.902958103587057e+20 5.902958103587057e+20 34359738368.0 False False
# | 1000000000000000019884624838656 -15000000000000000000 123456789012345678901234567890 -98765432109876543210 1180591620717411303424
# | 742774596426021807342336407949 24 5 816690681 -5
# | 1180591620717411303424 9223372036854775808 9223372036854775808 1180591620717411303424 1180591620717411300000 123456789012345678901000 1180591620717411303424
# | 250000000000000000000 -10000000000000000905969664 100000000000000000000 -1499999999999999889089448902656 1208925819614629174706176
# | 1,180,591,620,717,411,303,424 400000000000000000 -0b10000000000000000000000000000000000000000000000000000000000000000000000         1180591620717411303424 1_180_591_620_717_411_303_424 1180591620717411303424 400000000000000000  1.181e+21
# | 9223372036854775808 -9223372036854775809 1.181e+21 1.18059e+21 1152921504606846976.000000 12300.00%
# | True True a f i True
# | 8 -8 0 1 True True
# | 13835058055282163712 1180591620717411303424 -1180591620717411303424 [-36893488147419103232, 1, 2.5, 1180591620717411303424]
# | {18446744073709551616, 36893488147419103232, 1} True [1180591620717411303424, 1180591620717411303424] 6 478
# | 34359738368.0 48.520302639196174 100.0 50.0 620448401733239439360000
# | True True int int
# | 20397882081197443358640281739902897356800000000 39 444985875
# | 3311648143516982017180081 17180081 0
# | str(10**4300) -> ValueError: Exceeds the limit (4300 digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit
# | int('1'*4301) -> ValueError: Exceeds the limit (4300 digits) for integer string conversion: value has 4301 digits; use sys.set_int_max_str_digits() to increase the limit
# | float(2**1024) -> OverflowError: int too large to convert to float
# | 2**1024 / 1 -> OverflowError: integer division result too large for a float
# | 2**2000 + 1.0 -> OverflowError: int too large to convert to float
# | 1 << 10**20 -> OverflowError: too many digits in integer
# | [1][2**70] -> IndexError: cannot fit 'int' into an index-sized integer
# | big // 0 -> ZeroDivisionError: integer division or modulo by zero
# | big % 0 -> ZeroDivisionError: integer modulo by zero
# | big / 0 -> ZeroDivisionError: division by zero
# | big >> -1 -> ValueError: negative shift count
# | pow(2, -1, 4) -> ValueError: base is not invertible for the given modulus
# | pow(2, 5, 0) -> ValueError: pow() 3rd argument cannot be 0
# | math.factorial(2**70) -> OverflowError: factorial() argument should not exceed 9223372036854775807
# | big & 1.5 -> TypeError: unsupported operand type(s) for &: 'int' and 'float'
# | 3011 40 36769923458287039207
