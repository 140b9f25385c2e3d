# Euclid's gcd (iterative and recursive), lcm, and reduced fractions.
def gcd(a, b):
    while b != 0:
        a, b = b, a % b
    return abs(a)

def gcd_rec(a, b):
    if b == 0:
        return abs(a)
    return gcd_rec(b, a % b)

def lcm(a, b):
    return abs(a * b) // gcd(a, b)

def reduce(num, den):
    g = gcd(num, den)
    num = num // g
    den = den // g
    if den < 0:
        num = -num
        den = -den
    return (num, den)

print(gcd(48, 18), gcd_rec(48, 18))
print(gcd(17, 5), gcd(0, 9), gcd(9, 0), gcd(-12, 18), gcd(12, -18))
print(lcm(4, 6), lcm(21, 6), lcm(-3, 5))
print(reduce(6, 8), reduce(-6, 8), reduce(6, -8), reduce(0, 5))
l = 1
for i in range(1, 21):
    l = lcm(l, i)
print(l)
same = True
for a in range(-20, 21):
    for b in range(1, 21):
        if gcd(a, b) != gcd_rec(a, b):
            same = False
print(same)
print(gcd(1071, 462), gcd(2971215073, 1836311903))
# --- expected (CPython 3.11; EMLAB_BLESS=1 cargo test -p emlab --test differential) ---
# exit: 0
# stdout:
# | 6 6
# | 1 9 9 6 6
# | 12 42 15
# | (3, 4) (-3, 4) (-3, 4) (0, 1)
# | 232792560
# | True
# | 21 1
