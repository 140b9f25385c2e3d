# Sets and frozensets: displays, comprehensions, operators, methods, and CPython's order.
s = {5, 3, 100, 8, 1}
print(s, len(s), 3 in s, 4 not in s)
print(set(), set([3, 1, 2, 3, 1]), set(range(20, 0, -3)), set("aaa"), frozenset(), frozenset([2, 1]))
evens = {n for n in range(12) if n % 2 == 0}
threes = set(range(0, 12, 3))
print(evens | threes, evens & threes, evens - threes, evens ^ threes)
print(threes | evens, threes & evens, threes - evens, threes ^ evens)
print(evens.union(threes, [100, 1]), evens.intersection(range(5)), evens.difference([0, 2]), evens.symmetric_difference([1, 2]))
print({1, 2} <= {1, 2, 3}, {1, 2} < {1, 2}, {1, 2, 3} >= {3}, {1} > {1}, {1, 2} == {2, 1}, {1} == frozenset({1}))
print({1, 2}.issubset([1, 2, 5]), {1, 2}.issuperset(range(2)), {1, 2}.isdisjoint({3}), {1}.isdisjoint([1]))
seen = set()
for word in "the cat and the dog and the bird".split():
    seen.add(len(word))
print(seen, sorted(seen))
t = {10, 20, 30}
t.discard(20)
t.discard(99)
t.remove(10)
print(t)
try:
    t.remove(10)
except KeyError as e:
    print("KeyError", e)
u = {4, 5, 6}
print(u.pop(), u.pop(), u)
u.clear()
print(u, bool(u), bool({0}))
try:
    u.pop()
except KeyError as e:
    print("KeyError", e)
v = {1, 2, 3}
v |= {4}
v &= {1, 2, 4, 9}
v -= {2}
v ^= {7, 1}
print(v)
v.update([8, 9], (10,))
v.intersection_update(range(9))
v.difference_update({4})
v.symmetric_difference_update([0, 7])
print(v)
f = frozenset([3, 1, 2])
g = f | {9}
print(f, g, type(g).__name__, f.copy(), f & {1}, hash(f) == hash(frozenset([1, 2, 3])))
print({f: "frozen key"}[frozenset({1, 2, 3})], {frozenset({1}), frozenset({1})})
print({1.5, 2.0, 2, True, 1, -1, -2}, {(1, 2), (1, 2), (2, 1)}, {None})
print(set({"b": 1, "a": 2}) == {"a", "b"}, sorted({"pear", "apple", "fig"}))
print(list({3, 2, 1}), tuple({30, 20, 10}), sum({1, 2, 3}), max({4, 9, 2}), min(frozenset({7, 5})))
print({x % 5 for x in range(100)}, {x: x for x in {3, 1}})
big = set(range(1000))
print(len(big), 999 in big, len(big - set(range(10))), {-5, 5, -10, 10})
for bad in [[1], {2}, {3: 4}]:
    try:
        {bad}
    except TypeError as e:
        print("TypeError:", e)
try:
    {1} | [2]
except TypeError as e:
    print("TypeError:", e)
try:
    {1} < [2]
except TypeError as e:
    print("TypeError:", e)
try:
    for item in v:
        v.add(item + 100)
except RuntimeError as e:
    print("RuntimeError:", e)
print(isinstance(v, set), isinstance(f, frozenset), isinstance(f, set), repr(set()), str({1}))
# --- expected (CPython 3.11; EMLAB_BLESS=1 cargo test -p emlab --test differential) ---
# exit: 0
# stdout:
# | {1, 3, 100, 5, 8} 5 True True
# | set() {1, 2, 3} {2, 5, 8, 11, 14, 17, 20} {'a'} frozenset() frozenset({1, 2})
# | {0, 2, 3, 4, 6, 8, 9, 10} {0, 6} {8, 2, 10, 4} {2, 3, 4, 8, 9, 10}
# | {0, 2, 3, 4, 6, 8, 9, 10} {0, 6} {9, 3} {2, 3, 4, 8, 9, 10}
# | {0, 1, 2, 3, 4, 100, 6, 8, 9, 10} {0, 2, 4} {4, 6, 8, 10} {0, 1, 4, 6, 8, 10}
# | True False True False True True
# | True False True False
# | {3, 4} [3, 4]
# | {30}
# | KeyError 10
# | 4 5 {6}
# | set() False True
# | KeyError 'pop from an empty set'
# | {4, 7}
# | {8, 0}
# | frozenset({1, 2, 3}) frozenset({1, 2, 3, 9}) frozenset frozenset({1, 2, 3}) frozenset({1}) True
# | frozen key {frozenset({1})}
# | {1.5, 2.0, True, -2, -1} {(1, 2), (2, 1)} {None}
# | True ['apple', 'fig', 'pear']
# | [1, 2, 3] (10, 20, 30) 6 9 5
# | {0, 1, 2, 3, 4} {1: 1, 3: 3}
# | 1000 True 990 {10, -5, 5, -10}
# | TypeError: unhashable type: 'list'
# | TypeError: unhashable type: 'set'
# | TypeError: unhashable type: 'dict'
# | TypeError: unsupported operand type(s) for |: 'set' and 'list'
# | TypeError: '<' not supported between instances of 'set' and 'list'
# | RuntimeError: Set changed size during iteration
# | True True False set() {1}
