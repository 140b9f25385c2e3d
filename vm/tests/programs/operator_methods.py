# Operator special methods of the program's classes: a 2-D vector, a money type summed with
# sum(), an accumulator with __iadd__ shared by threads under a lock, the reflected methods
# and NotImplemented, and CPython's messages when no class defines the operator.
import threading


class Vec:
    def __init__(self, x, y):
        self.x, self.y = x, y

    def __add__(self, other):
        if not isinstance(other, Vec):
            return NotImplemented
        return Vec(self.x + other.x, self.y + other.y)

    def __sub__(self, other):
        return Vec(self.x - other.x, self.y - other.y)

    def __mul__(self, k):
        return Vec(self.x * k, self.y * k)

    __rmul__ = __mul__

    def __truediv__(self, k):
        return Vec(self.x / k, self.y / k)

    def __neg__(self):
        return Vec(-self.x, -self.y)

    def __pos__(self):
        return self

    def __abs__(self):
        return (self.x ** 2 + self.y ** 2) ** 0.5

    def __eq__(self, other):
        return isinstance(other, Vec) and (self.x, self.y) == (other.x, other.y)

    def __repr__(self):
        return f"Vec({self.x}, {self.y})"


a, b = Vec(1, 2), Vec(3, 4)
print(a + b, a - b, a * 3, 3 * a, b / 2, -a, +a is a, abs(b), a + b == Vec(4, 6))
c = a
c += b  # no __iadd__: c = c + b, a new object
print(c, a, c is a)


class Money:
    def __init__(self, cents):
        self.cents = cents

    def __add__(self, other):
        if isinstance(other, Money):
            return Money(self.cents + other.cents)
        if isinstance(other, int):
            return Money(self.cents + other)
        return NotImplemented

    __radd__ = __add__

    def __lt__(self, other):
        return self.cents < other.cents

    def __repr__(self):
        return f"${self.cents // 100}.{self.cents % 100:02d}"


prices = [Money(250), Money(199), Money(1001)]
print(sum(prices), sorted(prices), max(prices), 5 + Money(1))


class Tally:
    """Shared by the workers; `+=` runs __iadd__, which changes the tally in place."""

    def __init__(self):
        self.total = 0
        self.parts = 0

    def __iadd__(self, amount):
        self.total = self.total + amount
        self.parts += 1
        return self


tally = Tally()
lock = threading.Lock()


def worker(n):
    global tally
    for k in range(n):
        with lock:
            tally += k


threads = [threading.Thread(target=worker, args=(10,)) for _ in range(3)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(tally.total, tally.parts)


class Flags:
    def __init__(self, bits):
        self.bits = bits

    def __or__(self, other):
        return Flags(self.bits | int(other))

    def __ror__(self, other):
        return Flags(int(other) | self.bits)

    def __and__(self, other):
        return Flags(self.bits & int(other))

    def __xor__(self, other):
        return Flags(self.bits ^ int(other))

    def __invert__(self):
        return Flags(~self.bits & 0xF)

    def __lshift__(self, n):
        return Flags(self.bits << n)

    def __rshift__(self, n):
        return Flags(self.bits >> n)

    def __int__(self):
        return self.bits

    def __repr__(self):
        return f"Flags({self.bits:#06b})"


f = Flags(0b0101)
print(f | 2, 8 | f, f & 4, f ^ 1, ~f, f << 1, f >> 2, int(f), int(~f))


class Celsius:
    def __init__(self, degrees):
        self.degrees = degrees

    def __float__(self):
        return self.degrees * 1.0

    def __index__(self):
        return round(self.degrees)


class Broken:
    def __int__(self):
        return "seven"


print(float(Celsius(21)), int(Celsius(20.6)), float(Celsius(3)) + 1)
try:
    int(Broken())
except TypeError as e:
    print("TypeError:", e)


class Pow:
    def __pow__(self, e):
        return f"pow {e}"

    def __rpow__(self, base):
        return f"rpow {base}"

    def __mod__(self, m):
        return f"mod {m}"

    def __rmod__(self, m):
        return f"rmod {m}"

    def __floordiv__(self, d):
        return f"floordiv {d}"

    def __rfloordiv__(self, d):
        return f"rfloordiv {d}"


p = Pow()
print(p ** 2, 2 ** p, pow(p, 3), p % 5, 7 % p, p // 2, 9 // p)


class Base:
    def __add__(self, other):
        return "Base.__add__"

    def __radd__(self, other):
        return "Base.__radd__"


class Derived(Base):
    def __radd__(self, other):
        return "Derived.__radd__"


# The right operand's class derives from the left's and has its own __radd__: tried first.
print(Base() + Derived(), Derived() + Base(), Base() + Base())

for bad in [lambda: a + 1, lambda: 1 - a, lambda: a ** 2, lambda: ~a, lambda: abs(Money(1)), lambda: -Money(1)]:
    try:
        bad()
    except TypeError as e:
        print("TypeError:", e)
for op in ["+=", "-=", "**=", "//="]:
    x = a
    try:
        if op == "+=":
            x += 1
        elif op == "-=":
            x = Money(1)
            x -= 1
        elif op == "**=":
            x **= 2
        else:
            x //= 2
    except TypeError as e:
        print("TypeError:", e)
# --- expected (CPython 3.11; EMLAB_BLESS=1 cargo test -p emlab --test differential) ---
# exit: 0
# stdout:
# | Vec(4, 6) Vec(-2, -2) Vec(3, 6) Vec(3, 6) Vec(1.5, 2.0) Vec(-1, -2) True 5.0 True
# | Vec(4, 6) Vec(1, 2) False
# | $14.50 [$1.99, $2.50, $10.01] $10.01 $0.06
# | 135 30
# | Flags(0b0111) Flags(0b1101) Flags(0b0100) Flags(0b0100) Flags(0b1010) Flags(0b1010) Flags(0b0001) 5 10
# | 21.0 21 4.0
# | TypeError: __int__ returned non-int (type str)
# | pow 2 rpow 2 pow 3 mod 5 rmod 7 floordiv 2 rfloordiv 9
# | Derived.__radd__ Base.__add__ Base.__add__
# | TypeError: unsupported operand type(s) for +: 'Vec' and 'int'
# | TypeError: unsupported operand type(s) for -: 'int' and 'Vec'
# | TypeError: unsupported operand type(s) for ** or pow(): 'Vec' and 'int'
# | TypeError: bad operand type for unary ~: 'Vec'
# | TypeError: bad operand type for abs(): 'Money'
# | TypeError: bad operand type for unary -: 'Money'
# | TypeError: unsupported operand type(s) for +=: 'Vec' and 'int'
# | TypeError: unsupported operand type(s) for -=: 'Money' and 'int'
# | TypeError: unsupported operand type(s) for **=: 'Vec' and 'int'
# | TypeError: unsupported operand type(s) for //=: 'Vec' and 'int'
