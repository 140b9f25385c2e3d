# *args, **kwargs, and unpacking a call's arguments with * and **.
def show(*args, **kwargs):
    print(args, kwargs)

show()
show(1, 2)
show(a=1, b=2)
show(1, *[2, 3], 4, *(5,), k="v", **{"x": 0})

def spawn_like(target, args=(), kwargs={}):
    return target(*args, **kwargs)

def add(a, b, c=0):
    return a + b + c

print(spawn_like(add, (1, 2)))
print(spawn_like(add, [1], {"b": 5, "c": 10}))
print(spawn_like(add, kwargs={"a": 1, "b": 1}))

def head(first, *rest):
    return first, len(rest)

print(head(*"abc"))
print(head(*range(5)))
print(max(*[3, 9, 4]))
print(*[1, 2, 3], sep=" | ")

def options(name, **extra):
    keys = []
    for k in extra:
        keys.append(k + "=" + str(extra[k]))
    return [name, keys]

print(options("opt", b=2, a=1))
settings = {"verbose": True}
print(options(name="cfg", **settings))
# --- expected (CPython 3.11; EMLAB_BLESS=1 cargo test -p emlab --test differential) ---
# exit: 0
# stdout:
# | () {}
# | (1, 2) {}
# | () {'a': 1, 'b': 2}
# | (1, 2, 3, 4, 5) {'k': 'v', 'x': 0}
# | 3
# | 16
# | 2
# | ('a', 2)
# | (0, 4)
# | 9
# | 1 | 2 | 3
# | ['opt', ['b=2', 'a=1']]
# | ['cfg', ['verbose=True']]
