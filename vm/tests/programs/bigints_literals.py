# Ints past 64 bits written as literals (decimal, hex, binary, octal), as dict keys, grown by
# augmented assignment, and added to by two threads under a lock.
FNV_OFFSET = 0xcbf29ce484222325
FNV_PRIME = 0x100000001b3
MASK = 0xFFFFFFFFFFFFFFFF
def fnv1a(text):
    h = FNV_OFFSET
    for ch in text:
        h ^= len(ch) * 7 + 97
        h = (h * FNV_PRIME) & MASK
    return h
print(fnv1a("hello"), FNV_OFFSET, MASK + 1, -0x8000000000000000, 0b1 << 65, 0o777777777777777777777777)
print(123456789012345678901234567890, -98765432109876543210, 18446744073709551615 // 3)
x = 1
for i in range(100):
    x *= 3
    x += i
print(x, x.__class__ is int if hasattr(x, "__class__") else True)
d = {}
for k in [2 ** 64, 2 ** 64 + 1, 2 ** 64, 3]:
    d[k] = d.get(k, 0) + 1
print(d)
total = [0]
guard = Lock()
def worker(n):
    for i in range(n):
        with guard:
            total[0] += 2 ** 62
h = [spawn(worker, 3) for _ in range(2)]
for t in h:
    join(t)
print(total[0])
# --- expected (CPython 3.11; EMLAB_BLESS=1 cargo test -p emlab --test differential) ---
# exit: 0
# stdout:
# | 15851876524552142855 14695981039346656037 18446744073709551616 -9223372036854775808 36893488147419103232 4722366482869645213695
# | 123456789012345678901234567890 -98765432109876543210 6148914691236517205
# | 644221900915014163795576412207026590877634402451 True
# | {18446744073709551616: 2, 18446744073709551617: 1, 3: 1}
# | 27670116110564327424
