# Ordering on lists and tuples: lexicographic, element by element.
print([1, 2] < [1, 3], [1, 2] < [1, 2], [1, 2] <= [1, 2])
print([1, 2] < [1, 2, 0], [2] > [1, 9, 9], [] < [0])
print((1, 2) < (1, 3), (2,) > (1, 5), () < (0,))
print((1, "b") < (1, "c"), ("a", 2) > ("a", 1))
print([[1, 2], [0]] < [[1, 2], [1]])
print((3, 4) >= (3, 4), (3, 4) > (3, 4))
print(["a", "b"] < ["a", "c"], ["b"] > ["a", "z"])
pairs = [(3, "c"), (1, "z"), (2, "b"), (1, "a")]
i = 0
while i < len(pairs):
    j = i + 1
    while j < len(pairs):
        if pairs[j] < pairs[i]:
            tmp = pairs[i]
            pairs[i] = pairs[j]
            pairs[j] = tmp
        j += 1
    i += 1
print(pairs)
print(min(pairs), max(pairs))
print(min([3, 1], [2, 9]), max((1, 2), (1, 2, 3)))
# --- expected (CPython 3.11; EMLAB_BLESS=1 cargo test -p emlab --test differential) ---
# exit: 0
# stdout:
# | True False True
# | True True True
# | True True True
# | True True
# | True
# | True False
# | True True
# | [(1, 'a'), (1, 'z'), (2, 'b'), (3, 'c')]
# | (1, 'a') (3, 'c')
# | [2, 9] (1, 2, 3)
