# Fibonacci: naive recursion fib(20), iteration, and a memo dict.
def fib_rec(n):
    if n < 2:
        return n
    return fib_rec(n - 1) + fib_rec(n - 2)

def fib_iter(n):
    a, b = 0, 1
    for i in range(n):
        a, b = b, a + b
    return a

memo = {0: 0, 1: 1}
def fib_memo(n):
    if n in memo:
        return memo[n]
    v = fib_memo(n - 1) + fib_memo(n - 2)
    memo[n] = v
    return v

print(fib_rec(20))
print(fib_iter(20), fib_iter(90))
print(fib_memo(80))
seq = []
for i in range(15):
    seq.append(fib_iter(i))
print(seq)
print(len(memo))
ok = True
for i in range(25):
    if fib_rec(i) != fib_memo(i):
        ok = False
print(ok)
