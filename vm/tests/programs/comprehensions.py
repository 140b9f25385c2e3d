# List and dict comprehensions: conditions, several `for` clauses, nesting, their own scope (the
# loop variable does not leak), closures over the enclosing function, and the first iterable
# evaluated outside.
nums = [3, 1, 4, 1, 5, 9, 2, 6]
print([n * n for n in nums])
print([n for n in nums if n % 2 == 0])
print([n for n in nums if n > 1 if n < 6])
print([(a, b) for a in range(3) for b in range(a) if a + b > 1])
print([[i * j for j in range(4)] for i in range(3)])
print({n: n * n for n in range(5)})
print({word: len(word) for word in "the quick brown fox".split() if len(word) > 3})
print({v: k for k, v in {"a": 1, "b": 2}.items()})
print([c for c in "hello" if c not in "aeiou"], [x for x in []])
words = ["alpha", "beta", "gamma"]
print([(i, w[0]) for i, w in [(0, words[0]), (1, words[1])]])
x = "module x"
print([x for x in range(3)], x)


def scaled(values, factor):
    return [v * factor for v in values if v != factor]


print(scaled([1, 2, 3], 2))


def table(n):
    return {i: [j for j in range(i)] for i in range(n)}


print(table(4))
matrix = [[1, 2, 3], [4, 5, 6]]
print([[row[i] for row in matrix] for i in range(3)])
print(sum([n for n in nums if n > 3]), len({n: 0 for n in nums}), max([len(w) for w in words]))
# --- expected (CPython 3.11; EMLAB_BLESS=1 cargo test -p emlab --test differential) ---
# exit: 0
# stdout:
# | [9, 1, 16, 1, 25, 81, 4, 36]
# | [4, 2, 6]
# | [3, 4, 5, 2]
# | [(2, 0), (2, 1)]
# | [[0, 0, 0, 0], [0, 1, 2, 3], [0, 2, 4, 6]]
# | {0: 0, 1: 1, 2: 4, 3: 9, 4: 16}
# | {'quick': 5, 'brown': 5}
# | {1: 'a', 2: 'b'}
# | ['h', 'l', 'l'] []
# | [(0, 'a'), (1, 'b')]
# | [0, 1, 2] module x
# | [2, 6]
# | {0: [], 1: [0], 2: [0, 1], 3: [0, 1, 2]}
# | [[1, 4], [2, 5], [3, 6]]
# | 24 7 5
