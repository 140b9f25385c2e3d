# Sieve of Eratosthenes up to 1000 and some prime statistics.
def sieve(n):
    is_prime = [True] * (n + 1)
    is_prime[0] = False
    is_prime[1] = False
    i = 2
    while i * i <= n:
        if is_prime[i]:
            j = i * i
            while j <= n:
                is_prime[j] = False
                j += i
        i += 1
    primes = []
    for k in range(n + 1):
        if is_prime[k]:
            primes.append(k)
    return primes

ps = sieve(1000)
print(len(ps))
first = []
for i in range(10):
    first.append(ps[i])
print(first)
print(ps[-1], ps[-2], sum(ps))
twins = 0
for i in range(len(ps) - 1):
    if ps[i + 1] - ps[i] == 2:
        twins += 1
print(twins)
gaps = {}
for i in range(1, len(ps)):
    g = ps[i] - ps[i - 1]
    gaps[g] = gaps.get(g, 0) + 1
print(gaps)
def is_prime_trial(n):
    if n < 2:
        return False
    d = 2
    while d * d <= n:
        if n % d == 0:
            return False
        d += 1
    return True
agree = True
for n in range(200):
    if is_prime_trial(n) != (n in ps):
        agree = False
print(agree)
# --- expected (CPython 3.11; EMLAB_BLESS=1 cargo test -p emlab --test differential) ---
# exit: 0
# stdout:
# | 168
# | [2, 3, 5, 7, 11, 13, 17, 19, 23, 29]
# | 997 991 76127
# | 35
# | {1: 1, 2: 35, 4: 40, 6: 44, 8: 15, 14: 7, 10: 16, 12: 7, 18: 1, 20: 1}
# | True
