# The iterator builtins: enumerate (with start=), zip (stops at the shortest), map (lazy, with
# several iterables), filter (with None), reversed, iter/next (with a default, and StopIteration),
# any/all (stopping early), sorted (key=, reverse=, stable) and list.sort/reverse.
names = ["ann", "bob", "cy", "dee"]
scores = [72, 95, 88]
for i, name in enumerate(names):
    print(i, name)
print(list(enumerate(names, start=1)), list(enumerate("ab", 10)))
print(list(zip(names, scores)), list(zip(names, scores, "xyz")), list(zip()))
print(list(map(len, names)), list(map(lambda a, b: a + b, [1, 2, 3], [10, 20])))
print(list(filter(lambda s: s > 80, scores)), list(filter(None, [0, 1, "", "x", None, [], [0]])))
print(list(reversed(names)), list(reversed(range(4))), list(reversed("abc")), list(reversed((1, 2))))
print(dict(zip(names, scores)), {n: len(n) for n in reversed(names)})

calls = []


def noisy(x):
    calls.append(x)
    return x * 2


m = map(noisy, [1, 2, 3])
print(calls, next(m), calls, list(m), calls)
it = iter([5, 6])
print(next(it), next(it), next(it, "done"))
try:
    next(it)
except StopIteration:
    print("StopIteration")
print(any([0, "", 3]), any([]), all([1, "a"]), all([]), all([1, -1]))
seen = []


def check(x):
    seen.append(x)
    return x > 2


print(any(map(check, [1, 3, 5, 7])), seen)
print(sorted([3, 1, 2]), sorted("banana"), sorted(names, key=len), sorted(names, key=len, reverse=True))
pairs = [("b", 2), ("a", 2), ("c", 1), ("a", 1)]
print(sorted(pairs), sorted(pairs, key=lambda p: p[1]), sorted(pairs, key=lambda p: p[1], reverse=True))
print(sorted({"z": 1, "y": 2}), sorted(range(5), reverse=True), sorted([]))
data = [5, 2, 9, 1]
data.sort()
print(data)
data.sort(reverse=True)
print(data)
words = ["pear", "fig", "apple", "kiwi"]
words.sort(key=len)
print(words)
words.reverse()
print(words, sorted(words)[0])
total = 0
for a, (b, c) in zip([1, 2], [(3, 4), (5, 6)]):
    total += a * b + c
print(total)
# --- expected (CPython 3.11; EMLAB_BLESS=1 cargo test -p emlab --test differential) ---
# exit: 0
# stdout:
# | 0 ann
# | 1 bob
# | 2 cy
# | 3 dee
# | [(1, 'ann'), (2, 'bob'), (3, 'cy'), (4, 'dee')] [(10, 'a'), (11, 'b')]
# | [('ann', 72), ('bob', 95), ('cy', 88)] [('ann', 72, 'x'), ('bob', 95, 'y'), ('cy', 88, 'z')] []
# | [3, 3, 2, 3] [11, 22]
# | [95, 88] [1, 'x', [0]]
# | ['dee', 'cy', 'bob', 'ann'] [3, 2, 1, 0] ['c', 'b', 'a'] [2, 1]
# | {'ann': 72, 'bob': 95, 'cy': 88} {'dee': 3, 'cy': 2, 'bob': 3, 'ann': 3}
# | [1, 2, 3] 2 [1, 2, 3] [4, 6] [1, 2, 3]
# | 5 6 done
# | StopIteration
# | True False True True True
# | True [1, 3]
# | [1, 2, 3] ['a', 'a', 'a', 'b', 'n', 'n'] ['cy', 'ann', 'bob', 'dee'] ['ann', 'bob', 'dee', 'cy']
# | [('a', 1), ('a', 2), ('b', 2), ('c', 1)] [('c', 1), ('a', 1), ('b', 2), ('a', 2)] [('b', 2), ('a', 2), ('c', 1), ('a', 1)]
# | ['y', 'z'] [4, 3, 2, 1, 0] []
# | [1, 2, 5, 9]
# | [9, 5, 2, 1]
# | ['fig', 'pear', 'kiwi', 'apple']
# | ['apple', 'kiwi', 'pear', 'fig'] apple
# | 23
