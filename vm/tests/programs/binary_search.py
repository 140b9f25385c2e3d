# Binary search (iterative and recursive) over a sorted list, with floor division midpoints.
def bsearch(lst, target):
    lo = 0
    hi = len(lst) - 1
    while lo <= hi:
        mid = (lo + hi) // 2
        if lst[mid] == target:
            return mid
        if lst[mid] < target:
            lo = mid + 1
        else:
            hi = mid - 1
    return -1

def bsearch_rec(lst, target, lo, hi):
    if lo > hi:
        return -1
    mid = lo + (hi - lo) // 2
    if lst[mid] == target:
        return mid
    if lst[mid] < target:
        return bsearch_rec(lst, target, mid + 1, hi)
    return bsearch_rec(lst, target, lo, mid - 1)

data = list(range(-30, 100, 3))
print(len(data), data[0], data[-1])
for t in [-30, 0, 3, 4, 99, 97, 100, -31]:
    print(t, bsearch(data, t), bsearch_rec(data, t, 0, len(data) - 1))
agree = True
for t in range(-40, 110):
    if bsearch(data, t) != bsearch_rec(data, t, 0, len(data) - 1):
        agree = False
print(agree)
names = ["ada", "bob", "cy", "dee", "eve"]
print(bsearch(names, "cy"), bsearch(names, "zed"), bsearch([], 1))
# --- expected (CPython 3.11; EMLAB_BLESS=1 cargo test -p emlab --test differential) ---
# exit: 0
# stdout:
# | 44 -30 99
# | -30 0 0
# | 0 10 10
# | 3 11 11
# | 4 -1 -1
# | 99 43 43
# | 97 -1 -1
# | 100 -1 -1
# | -31 -1 -1
# | True
# | 2 -1 -1
