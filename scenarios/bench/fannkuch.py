# Fannkuch-redux: over every permutation of 1..N, count the flips of the prefix that the first
# element names until a 1 comes first; print a checksum and the most flips.
def fannkuch(n):
    perm1 = list(range(n))
    count = [0] * n
    max_flips = 0
    checksum = 0
    permutations = 0
    r = n
    while True:
        while r != 1:
            count[r - 1] = r
            r -= 1
        perm = perm1[:]
        flips = 0
        k = perm[0]
        while k:
            perm[: k + 1] = perm[k::-1]
            flips += 1
            k = perm[0]
        if flips > max_flips:
            max_flips = flips
        checksum += flips if permutations % 2 == 0 else -flips
        permutations += 1
        # The next permutation, by rotating prefixes (the counting order of the original).
        while True:
            if r == n:
                return checksum, max_flips
            first = perm1.pop(0)
            perm1.insert(r, first)
            count[r] -= 1
            if count[r] > 0:
                break
            r += 1


checksum, flips = fannkuch(8)
print(checksum)
print(f"Pfannkuchen(8) = {flips}")
# --- expected (CPython 3.11; EMLAB_BLESS=1 cargo test -p emlab --test differential) ---
# exit: 0
# stdout:
# | 1616
# | Pfannkuchen(8) = 22
