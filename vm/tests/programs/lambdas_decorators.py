# lambda expressions (defaults, closures, as arguments) and decorators (functions that wrap
# functions, decorators with arguments, stacked decorators, decorated methods and classes).
square = lambda x: x * x
add = lambda a, b=10: a + b
print(square(7), add(1), add(1, 2), (lambda: "nothing")(), (lambda *a, **k: (a, k))(1, z=2))
ops = {"+": lambda a, b: a + b, "-": lambda a, b: a - b, "*": lambda a, b: a * b}
print([ops[o](6, 3) for o in "+-*"])
late = [lambda: k for k in range(3)]
bound = [lambda k=k: k for k in range(3)]
print([f() for f in late], [f() for f in bound])


def logged(f):
    def wrapper(*args, **kwargs):
        print("->", f.__name__, args, kwargs)
        result = f(*args, **kwargs)
        print("<-", f.__name__, result)
        return result

    return wrapper


def repeat(times):
    def decorate(f):
        def run(*args):
            return [f(*args) for _ in range(times)]

        return run

    return decorate


@logged
def area(w, h=1):
    return w * h


@repeat(3)
def shout(word):
    return word.upper()


@logged
@repeat(2)
def pair(x):
    return x, x


print(area(3, h=4))
print(shout("hey"))
print(pair(1))

registry = []


def register(cls):
    registry.append(cls.__name__)
    return cls


@register
class Plugin:
    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return "Plugin(" + repr(self.name) + ")"

    @logged
    def greet(self, other):
        return self.name + " greets " + other


@register
class Other:
    pass


print(registry, Plugin("p").greet("q"))
# --- expected (CPython 3.11; EMLAB_BLESS=1 cargo test -p emlab --test differential) ---
# exit: 0
# stdout:
# | 49 11 3 nothing ((1,), {'z': 2})
# | [9, 3, 18]
# | [2, 2, 2] [0, 1, 2]
# | -> area (3,) {'h': 4}
# | <- area 12
# | 12
# | ['HEY', 'HEY', 'HEY']
# | -> run (1,) {}
# | <- run [(1, 1), (1, 1)]
# | [(1, 1), (1, 1)]
# | -> greet (Plugin('p'), 'q') {}
# | <- greet p greets q
# | ['Plugin', 'Other'] p greets q
