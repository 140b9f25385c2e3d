# Converting ints to other bases with // and %, and back again by hand.
DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz"

def to_base(n, b):
    if n == 0:
        return "0"
    sign = ""
    if n < 0:
        sign = "-"
        n = -n
    out = ""
    while n > 0:
        out = DIGITS[n % b] + out
        n = n // b
    return sign + out

def from_base(s, b):
    neg = False
    i = 0
    if s[0] == "-":
        neg = True
        i = 1
    v = 0
    while i < len(s):
        d = 0
        while DIGITS[d] != s[i]:
            d += 1
        v = v * b + d
        i += 1
    return -v if neg else v

for n in [0, 1, 255, -255, 1000000, 9223372036854775807]:
    print(n, to_base(n, 2), to_base(n, 16), to_base(n, 36))
ok = True
for n in range(-300, 300, 7):
    for b in [2, 3, 8, 10, 16, 36]:
        if from_base(to_base(n, b), b) != n:
            ok = False
print(ok)
print(from_base("zz", 36), from_base("-ff", 16), from_base("101010", 2))
# --- expected (CPython 3.11; EMLAB_BLESS=1 cargo test -p emlab --test differential) ---
# exit: 0
# stdout:
# | 0 0 0 0
# | 1 1 1 1
# | 255 11111111 ff 73
# | -255 -11111111 -ff -73
# | 1000000 11110100001001000000 f4240 lfls
# | 9223372036854775807 111111111111111111111111111111111111111111111111111111111111111 7fffffffffffffff 1y2p0ij32e8e7
# | True
# | 1295 -255 42
