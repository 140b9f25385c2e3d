# Recursive functions: factorial, fib, power, list sum, hanoi, ackermann.
def fact(n):
    if n <= 1:
        return 1
    return n * fact(n - 1)

def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)

def power(b, e):
    if e == 0:
        return 1
    half = power(b, e // 2)
    if e % 2 == 0:
        return half * half
    return half * half * b

def rsum(lst, i):
    if i == len(lst):
        return 0
    return lst[i] + rsum(lst, i + 1)

def hanoi(n, src, dst, via, moves):
    if n == 0:
        return
    hanoi(n - 1, src, via, dst, moves)
    moves.append((src, dst))
    hanoi(n - 1, via, dst, src, moves)

def ack(m, n):
    if m == 0:
        return n + 1
    if n == 0:
        return ack(m - 1, 1)
    return ack(m - 1, ack(m, n - 1))

print(fact(0), fact(5), fact(20))
print(fib(15))
print(power(2, 62), power(3, 39))
print(rsum([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0))
moves = []
hanoi(4, "A", "C", "B", moves)
print(len(moves), moves[0], moves[-1])
print(ack(2, 3))
def depth(n):
    if n == 0:
        return 0
    return 1 + depth(n - 1)
print(depth(200))
# --- expected (CPython 3.11; EMLAB_BLESS=1 cargo test -p emlab --test differential) ---
# exit: 0
# stdout:
# | 1 120 2432902008176640000
# | 610
# | 4611686018427387904 4052555153018976267
# | 55
# | 15 ('A', 'B') ('B', 'C')
# | 9
# | 200
