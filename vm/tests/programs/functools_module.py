# functools: partial, reduce, lru_cache and cache, wraps, total_ordering and cmp_to_key.
import functools
import threading
from functools import lru_cache, partial, reduce, wraps


def power(base, exponent):
    return base ** exponent


square = partial(power, exponent=2)
cube = partial(power, exponent=3)
two_to = partial(power, 2)
print(square(5), cube(2), two_to(10), square.func is power, square.args, square.keywords)
print(partial(two_to, 3)(), partial(int, base=16)("ff"), partial(print, "a", sep="-")("b"))
print(reduce(lambda a, b: a * b, range(1, 11)), reduce(max, [3, 9, 2], 0), reduce(lambda a, b: a + b, [], "empty"))
try:
    reduce(lambda a, b: a + b, [])
except TypeError as e:
    print("TypeError", e)


@lru_cache(maxsize=None)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


print(fib(80), fib.cache_info())
fib.cache_clear()
print(fib.cache_info())


@lru_cache(maxsize=2)
def slow_square(n):
    calls.append(n)
    return n * n


calls = []
for n in [1, 2, 1, 3, 2, 1]:
    slow_square(n)
print(calls, slow_square.cache_info())


@functools.cache
def ways(n):
    return 1 if n <= 1 else ways(n - 1) + ways(n - 2)


results = []


def compute(k):
    results.append(ways(k))


threads = [threading.Thread(target=compute, args=(k,)) for k in (30, 40, 50)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(sorted(results))


def logged(func):
    @wraps(func)
    def wrapper(*args, **kwargs):
        log.append(func.__name__)
        return func(*args, **kwargs)

    return wrapper


log = []


@logged
def greet(name, punctuation="!"):
    return "hello " + name + punctuation


print(greet("ann"), greet("bob", punctuation="?"), log, greet.__name__, greet.__qualname__)


@functools.total_ordering
class Version:
    def __init__(self, text):
        self.parts = tuple(int(p) for p in text.split("."))

    def __eq__(self, other):
        return self.parts == other.parts

    def __lt__(self, other):
        return self.parts < other.parts

    def __repr__(self):
        return "Version(" + ".".join(str(p) for p in self.parts) + ")"


a, b = Version("1.2.10"), Version("1.10")
print(a < b, a <= b, a > b, a >= b, a == Version("1.2.10"), sorted([b, a]), max(a, b))


def by_length_then_reverse(x, y):
    if len(x) != len(y):
        return len(x) - len(y)
    return -1 if x > y else (1 if x < y else 0)


print(sorted(["bb", "a", "ccc", "aa", "b"], key=functools.cmp_to_key(by_length_then_reverse)))
# --- expected (CPython 3.11; EMLAB_BLESS=1 cargo test -p emlab --test differential) ---
# exit: 0
# stdout:
# | 25 8 1024 True () {'exponent': 2}
# | a-b
# | 8 255 None
# | 3628800 9 empty
# | TypeError reduce() of empty iterable with no initial value
# | 23416728348467685 CacheInfo(hits=78, misses=81, maxsize=None, currsize=81)
# | CacheInfo(hits=0, misses=0, maxsize=None, currsize=0)
# | [1, 2, 3, 2, 1] CacheInfo(hits=1, misses=5, maxsize=2, currsize=2)
# | [1346269, 165580141, 20365011074]
# | hello ann! hello bob? ['greet', 'greet'] greet greet
# | True True False False True [Version(1.2.10), Version(1.10)] Version(1.10)
# | ['b', 'a', 'bb', 'aa', 'ccc']
