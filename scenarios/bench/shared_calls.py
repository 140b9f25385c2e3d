# Shared function calls: every thread runs the same recursive global function (each call loads
# the global `fib` and pushes a frame).
THREADS = 1

def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)

def main(n):
    hs = []
    for t in range(n):
        hs.append(spawn(fib, 30))
    results = []
    for h in hs:
        results.append(join(h))
    return results

print(main(THREADS))
