# def, positional parameters, return, implicit None, functions as values.
def add(a, b):
    return a + b

def greet(name):
    print("hello", name)

def no_return():
    x = 1

def early(n):
    if n > 0:
        return "positive"
    return "not positive"

def apply(f, x):
    return f(x)

def double(x):
    return x * 2

def swap(a, b):
    return b, a

def many(a, b, c, d, e):
    return [e, d, c, b, a]

print(add(2, 3))
print(add("a", "b"))
print(add([1], [2]))
r = greet("world")
print(r)
print(no_return())
print(early(5), early(-5))
print(apply(double, 21))
print(apply(double, "ab"))
x, y = swap(1, 2)
print(x, y)
print(swap("p", "q"))
print(many(1, 2, 3, 4, 5))
g = double
print(g(g(g(1))))
def local_scope(v):
    v = v + 1
    return v
v = 10
print(local_scope(v), v)
# --- expected (CPython 3.11; EMLAB_BLESS=1 cargo test -p emlab --test differential) ---
# exit: 0
# stdout:
# | 5
# | ab
# | [1, 2]
# | hello world
# | None
# | None
# | positive not positive
# | 42
# | abab
# | 2 1
# | ('q', 'p')
# | [5, 4, 3, 2, 1]
# | 8
# | 11 10
