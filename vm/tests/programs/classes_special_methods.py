# The special methods ordinary classes define: __repr__ __str__ __eq__ __ne__ __lt__ __le__
# __len__ __bool__ __getitem__ __setitem__ __contains__ __iter__ __next__ __call__.
class Money:
    def __init__(self, cents):
        self.cents = cents

    def __repr__(self):
        return "Money(" + str(self.cents) + ")"

    def __str__(self):
        return "$" + str(self.cents // 100) + "." + str(self.cents % 100 // 10) + str(self.cents % 10)

    def __eq__(self, other):
        if not isinstance(other, Money):
            return NotImplemented
        return self.cents == other.cents

    def __lt__(self, other):
        return self.cents < other.cents

    def __le__(self, other):
        return self.cents <= other.cents


a, b, c = Money(150), Money(275), Money(150)
print(a, repr(a), str(b), [a, b], (c,), {"k": a})
print(f"{a} and {b!r}", "%s/%r" % (a, b), format(a))
print(a == c, a == b, a != c, a != b, a == 150, a is c)
print(a < b, b < a, a <= c, b > a, a >= c, b >= a)
print(min(b, a, c), max([a, b, c]), a in [b, c], b in [a, c], [a, b] == [c, Money(275)])


class Bag:
    def __init__(self, *items):
        self.items = list(items)

    def __len__(self):
        return len(self.items)

    def __getitem__(self, i):
        return self.items[i]

    def __setitem__(self, i, value):
        self.items[i] = value

    def __contains__(self, x):
        return x in self.items

    def __repr__(self):
        return "Bag(" + repr(self.items) + ")"


bag = Bag(1, 2, 3)
print(len(bag), bag[0], bag[-1], 2 in bag, 9 in bag, 9 not in bag, bool(bag), bool(Bag()))
bag[1] = 20
bag[0] += 5
print(bag, len(Bag()))
if not Bag():
    print("an empty bag is false")


class Flag:
    def __init__(self, on):
        self.on = on

    def __bool__(self):
        return self.on


print(bool(Flag(True)), bool(Flag(False)), "yes" if Flag(True) else "no", Flag(False) or "fallback")


class Countdown:
    def __init__(self, start):
        self.current = start

    def __iter__(self):
        return self

    def __next__(self):
        if self.current <= 0:
            raise StopIteration
        self.current -= 1
        return self.current + 1


print(list(Countdown(4)), sum(Countdown(3)), 2 in Countdown(3))
for n in Countdown(2):
    print("n =", n)
x, y = Countdown(2)
print(x, y)


class Deck:
    def __init__(self):
        self.cards = ["A", "K", "Q"]

    def __iter__(self):
        return Countdown(len(self.cards))


print(list(Deck()))


class Multiplier:
    def __init__(self, factor):
        self.factor = factor

    def __call__(self, x, extra=0):
        return x * self.factor + extra


triple = Multiplier(3)
print(triple(5), triple(2, extra=1), callable(triple))
# --- expected (CPython 3.11; EMLAB_BLESS=1 cargo test -p emlab --test differential) ---
# exit: 0
# stdout:
# | $1.50 Money(150) $2.75 [Money(150), Money(275)] (Money(150),) {'k': Money(150)}
# | $1.50 and Money(275) $1.50/Money(275) $1.50
# | True False False True False False
# | True False True True True True
# | $1.50 $2.75 True False True
# | 3 1 3 True False True True False
# | Bag([6, 20, 3]) 0
# | an empty bag is false
# | True False yes fallback
# | [4, 3, 2, 1] 6 True
# | n = 2
# | n = 1
# | 2 1
# | [3, 2, 1]
# | 15 7 True
