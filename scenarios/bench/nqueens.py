# N-queens by brute force: every permutation of the columns is a placement with one queen per row
# and column; it is a solution when no two queens share a diagonal.
def permutations(items):
    # Lexicographic order, as a generator (itertools.permutations' order for distinct items).
    pool = list(items)
    n = len(pool)
    indices = list(range(n))
    yield tuple(pool)
    while True:
        i = n - 2
        while i >= 0 and indices[i] >= indices[i + 1]:
            i -= 1
        if i < 0:
            return
        j = n - 1
        while indices[j] <= indices[i]:
            j -= 1
        indices[i], indices[j] = indices[j], indices[i]
        indices[i + 1:] = indices[i + 1:][::-1]
        yield tuple(pool[k] for k in indices)


def n_queens(n):
    columns = range(n)
    for vec in permutations(columns):
        if n == len({vec[i] + i for i in columns}) == len({vec[i] - i for i in columns}):
            yield vec


solutions = list(n_queens(8))
print(len(solutions))
print(solutions[0], solutions[-1])
# --- expected (CPython 3.11; EMLAB_BLESS=1 cargo test -p emlab --test differential) ---
# exit: 0
# stdout:
# | 92
# | (0, 4, 7, 5, 2, 6, 1, 3) (7, 3, 0, 2, 5, 1, 6, 4)
