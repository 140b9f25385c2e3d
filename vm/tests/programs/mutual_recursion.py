# Mutual recursion between module-level functions, and functions defined after use sites.
def is_even(n):
    if n == 0:
        return True
    return is_odd(n - 1)

def is_odd(n):
    if n == 0:
        return False
    return is_even(n - 1)

def count_down(n, out):
    if n < 0:
        return out
    out.append(n)
    return count_up_then(n - 1, out)

def count_up_then(n, out):
    return count_down(n, out)

print(is_even(10), is_odd(10), is_even(7), is_odd(7))
print(is_even(0), is_odd(0))
print(count_down(5, []))

def collatz_steps(n):
    if n == 1:
        return 0
    return 1 + (even_step(n) if n % 2 == 0 else odd_step(n))

def even_step(n):
    return collatz_steps(n // 2)

def odd_step(n):
    return collatz_steps(3 * n + 1)

print(collatz_steps(27))
evens = []
for i in range(12):
    if is_even(i):
        evens.append(i)
print(evens)
# --- expected (CPython 3.11; EMLAB_BLESS=1 cargo test -p emlab --test differential) ---
# exit: 0
# stdout:
# | True False False True
# | True False
# | [5, 4, 3, 2, 1, 0]
# | 111
# | [0, 2, 4, 6, 8, 10]
