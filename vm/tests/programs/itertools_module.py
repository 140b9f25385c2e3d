# itertools: a shared count hands out unique ids to threads (next() on it is one step), and the
# combinatoric and slicing iterators behave as CPython's.
import itertools
import threading

ids = itertools.count(1)
taken = []
lock = threading.Lock()


def worker():
    mine = [next(ids) for _ in range(50)]
    with lock:
        taken.extend(mine)


threads = [threading.Thread(target=worker) for _ in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(len(taken), len(set(taken)), min(taken), max(taken), ids)

c = itertools.count(10, 5)
print(next(c), next(c), c, list(itertools.islice(itertools.count(0.5, 0.25), 3)))
print(list(itertools.islice("abcdefg", 2)), list(itertools.islice("abcdefg", 1, 6, 2)), list(itertools.islice(range(10), 3, None)))
it = iter(range(10))
print(list(itertools.islice(it, 3)), next(it))
print(list(itertools.chain([1, 2], "ab", (3,))), list(itertools.chain.from_iterable([[1], [2, 3], []])))
print(list(itertools.product("ab", range(2))), len(list(itertools.product(range(3), repeat=3))))
print(list(itertools.permutations("abc")), list(itertools.permutations(range(4), 2))[:5])
print(list(itertools.combinations(range(5), 3)), list(itertools.combinations_with_replacement("xyz", 2)))
print([(k, list(g)) for k, g in itertools.groupby("aaabccdd")])
print([(k, len(list(g))) for k, g in itertools.groupby(sorted(["apple", "avocado", "banana", "cherry", "cranberry"]), key=lambda w: w[0])])
print([k for k, _ in itertools.groupby([1, 1, 2, 2, 2, 1])])
print(list(itertools.accumulate([3, 1, 4, 1, 5])), list(itertools.accumulate([3, 1, 4, 1, 5], max)))
print(list(itertools.accumulate([1, 2, 3], initial=100)), list(itertools.accumulate([])))
print(list(itertools.zip_longest("abc", [1], fillvalue=0)), list(itertools.zip_longest()))
print(list(itertools.pairwise("abcd")), list(itertools.starmap(max, [(1, 5), (7, 2)])))
print(list(itertools.takewhile(lambda ch: ch.isdigit(), "123abc4")), list(itertools.dropwhile(lambda ch: ch.isdigit(), "123abc4")))
print(list(itertools.filterfalse(lambda v: v % 2, range(7))), list(itertools.compress("abcdef", [1, 0, 1, 0, 1])))
print(list(itertools.repeat("x", 3)), list(zip(range(3), itertools.repeat(0))))
cyc = itertools.cycle([1, 2, 3])
print([next(cyc) for _ in range(7)])
a, b, c = itertools.tee(iter("xyz"), 3)
print(next(a), list(b), list(a), list(c))
for bad in [lambda: itertools.islice("abc", -1), lambda: itertools.permutations("ab", -1), lambda: itertools.count("a")]:
    try:
        list(bad())
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
big = itertools.count(2**70, 2**65)
print(next(big), next(big), big)
# --- expected (CPython 3.11; EMLAB_BLESS=1 cargo test -p emlab --test differential) ---
# exit: 0
# stdout:
# | 200 200 1 200 count(201)
# | 10 15 count(20, 5) [0.5, 0.75, 1.0]
# | ['a', 'b'] ['b', 'd', 'f'] [3, 4, 5, 6, 7, 8, 9]
# | [0, 1, 2] 3
# | [1, 2, 'a', 'b', 3] [1, 2, 3]
# | [('a', 0), ('a', 1), ('b', 0), ('b', 1)] 27
# | [('a', 'b', 'c'), ('a', 'c', 'b'), ('b', 'a', 'c'), ('b', 'c', 'a'), ('c', 'a', 'b'), ('c', 'b', 'a')] [(0, 1), (0, 2), (0, 3), (1, 0), (1, 2)]
# | [(0, 1, 2), (0, 1, 3), (0, 1, 4), (0, 2, 3), (0, 2, 4), (0, 3, 4), (1, 2, 3), (1, 2, 4), (1, 3, 4), (2, 3, 4)] [('x', 'x'), ('x', 'y'), ('x', 'z'), ('y', 'y'), ('y', 'z'), ('z', 'z')]
# | [('a', ['a', 'a', 'a']), ('b', ['b']), ('c', ['c', 'c']), ('d', ['d', 'd'])]
# | [('a', 2), ('b', 1), ('c', 2)]
# | [1, 2, 1]
# | [3, 4, 8, 9, 14] [3, 3, 4, 4, 5]
# | [100, 101, 103, 106] []
# | [('a', 1), ('b', 0), ('c', 0)] []
# | [('a', 'b'), ('b', 'c'), ('c', 'd')] [5, 7]
# | ['1', '2', '3'] ['a', 'b', 'c', '4']
# | [0, 2, 4, 6] ['a', 'c', 'e']
# | ['x', 'x', 'x'] [(0, 0), (1, 0), (2, 0)]
# | [1, 2, 3, 1, 2, 3, 1]
# | x ['x', 'y', 'z'] ['y', 'z'] ['x', 'y', 'z']
# | ValueError Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.
# | ValueError r must be non-negative
# | TypeError a number is required
# | 1180591620717411303424 1217485108864830406656 count(1254378597012249509888, 36893488147419103232)
