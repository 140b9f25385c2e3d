# spawn/join: each thread computes a value; results printed after join in spawn order.
def square_sum(n):
    total = 0
    for i in range(n):
        total += i * i
    return total

def fib(n):
    a, b = 0, 1
    for i in range(n):
        a, b = b, a + b
    return a

def describe(name, n):
    return name + ":" + str(n)

handles = []
for n in [10, 100, 1000, 5000]:
    handles.append(spawn(square_sum, n))
for h in handles:
    print(join(h))

h1 = spawn(fib, 30)
h2 = spawn(fib, 50)
h3 = spawn(describe, "thread", 3)
print(join(h2), join(h1), join(h3))

def returns_nothing():
    x = 1

print(join(spawn(returns_nothing)))

def make_list(n):
    out = []
    for i in range(n):
        out.append(i)
    return out

def make_dict(k):
    return {k: [k, k], "tuple": (1, None)}

print(join(spawn(make_list, 5)))
print(join(spawn(make_dict, "key")))
results = {}
hs = []
for i in range(4):
    hs.append((i, spawn(fib, i * 10)))
for i, h in hs:
    results[i] = join(h)
print(results)
# --- expected (CPython 3.11; EMLAB_BLESS=1 cargo test -p emlab --test differential) ---
# exit: 0
# stdout:
# | 285
# | 328350
# | 332833500
# | 41654167500
# | 12586269025 832040 thread:3
# | None
# | [0, 1, 2, 3, 4]
# | {'key': ['key', 'key'], 'tuple': (1, None)}
# | {0: 0, 1: 55, 2: 6765, 3: 832040}
