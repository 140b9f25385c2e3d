# A seeded random module draws CPython's numbers: the Mersenne Twister and Lib/random.py's methods.
import random

random.seed(42)
print(random.random(), random.random())
print([random.randint(1, 6) for _ in range(10)])
print(random.randrange(100), random.randrange(10, 20), random.randrange(0, 100, 7), random.randrange(50, 0, -5))
deck = list(range(10))
random.shuffle(deck)
print(deck)
print(random.choice("abcdef"), random.choice([10, 20, 30]), random.uniform(1.5, 2.5))
print(random.sample(range(100), 5), random.sample(["a", "b", "c", "d"], 4))
print(random.sample(range(1000), 12))
print(random.choices("xyz", k=5), random.choices([1, 2, 3], weights=[10, 1, 1], k=6))
print(random.choices("ab", cum_weights=[1, 5], k=4), random.getrandbits(8), random.getrandbits(40))
random.seed(2 ** 40 + 5)
print(random.random(), random.getrandbits(40), random.randint(1, 100))
random.seed(-7)
print(random.random())
random.seed(3.5)
print(random.random())
gen = random.Random(123)
other = random.Random(123)
print(gen.random() == other.random(), gen.randint(0, 10 ** 6), other.randint(0, 10 ** 6))
random.seed(1)
first = [random.random() for _ in range(3)]
random.seed(1)
print(first == [random.random() for _ in range(3)])
for bad in ["randrange(0)", "randrange(1, 1)", "randrange(0, 10, 0)", "choice([])", "sample([1], 2)", "getrandbits(-1)"]:
    try:
        if bad == "randrange(0)":
            random.randrange(0)
        elif bad == "randrange(1, 1)":
            random.randrange(1, 1)
        elif bad == "randrange(0, 10, 0)":
            random.randrange(0, 10, 0)
        elif bad == "choice([])":
            random.choice([])
        elif bad == "sample([1], 2)":
            random.sample([1], 2)
        else:
            random.getrandbits(-1)
    except (ValueError, IndexError, TypeError) as e:
        print(bad, "->", type(e).__name__ + ":", e)
# --- expected (CPython 3.11; EMLAB_BLESS=1 cargo test -p emlab --test differential) ---
# exit: 0
# stdout:
# | 0.6394267984578837 0.025010755222666936
# | [3, 2, 2, 2, 6, 1, 6, 6, 5, 1]
# | 75 16 0 50
# | [5, 7, 2, 9, 0, 6, 4, 8, 3, 1]
# | b 20 2.089265683875909
# | [0, 97, 20, 89, 54] ['c', 'b', 'a', 'd']
# | [980, 781, 344, 104, 94, 389, 99, 367, 867, 352, 618, 270]
# | ['z', 'z', 'y', 'z', 'y'] [1, 1, 1, 2, 1, 1]
# | ['a', 'b', 'b', 'a'] 59 111095701426
# | 0.5043802970418443 727003120297 4
# | 0.32383276483316237
# | 0.3039190124834461
# | True 91421 91421
# | True
# | randrange(0) -> ValueError: empty range for randrange()
# | randrange(1, 1) -> ValueError: empty range for randrange() (1, 1, 0)
# | randrange(0, 10, 0) -> ValueError: zero step for randrange()
# | choice([]) -> IndexError: Cannot choose from an empty sequence
# | sample([1], 2) -> ValueError: Sample larger than population or is negative
# | getrandbits(-1) -> ValueError: number of bits must be non-negative
