# Collatz sequences: lengths, the longest start below a bound, peak values.
def collatz_len(n):
    steps = 0
    while n != 1:
        if n % 2 == 0:
            n = n // 2
        else:
            n = 3 * n + 1
        steps += 1
    return steps

def collatz_seq(n):
    seq = [n]
    while n != 1:
        n = n // 2 if n % 2 == 0 else 3 * n + 1
        seq.append(n)
    return seq

print(collatz_seq(6))
print(collatz_len(27), max(collatz_seq(27)))
best = 1
best_len = 0
for i in range(1, 3000):
    c = collatz_len(i)
    if c > best_len:
        best = i
        best_len = c
print(best, best_len)
cache = {1: 0}
def cached_len(n):
    if n in cache:
        return cache[n]
    nxt = n // 2 if n % 2 == 0 else 3 * n + 1
    v = 1 + cached_len(nxt)
    cache[n] = v
    return v
total = 0
for i in range(1, 500):
    total += cached_len(i)
print(total, len(cache) > 500)
# --- expected (CPython 3.11; EMLAB_BLESS=1 cargo test -p emlab --test differential) ---
# exit: 0
# stdout:
# | [6, 3, 10, 5, 16, 8, 4, 2, 1]
# | 111 9232
# | 2919 216
# | 26033 True
