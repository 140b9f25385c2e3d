# Classes defined inside functions: factories, closures over the function's names, methods that
# skip the class body's names, nested classes, and a Thread subclass made where it is used.
import threading


def make_point(dims):
    class Point:
        size = len(dims)

        def __init__(self, *values):
            for name, v in zip(dims, values):
                setattr(self, name, v)

        def __repr__(self):
            inner = ", ".join(f"{n}={getattr(self, n)}" for n in dims)
            return f"Point({inner})"

    return Point


P2 = make_point(["x", "y"])
P3 = make_point(("x", "y", "z"))
print(P2(1, 2), P3(1, 2, 3), P2.size, P3.size)
print(P2.__name__, P2.__qualname__, P2 is P3, type(P2(0, 0)) is P2)
print(P2)


def counter_class(start):
    count = start

    class Counter:
        def bump(self):
            nonlocal count
            count += 1
            return count

        @staticmethod
        def peek():
            return count

    return Counter


C = counter_class(10)
a, b = C(), C()
a.bump()
b.bump()
print(C.peek(), a.bump())


def shadow():
    label = "outer"

    class Shadow:
        label = "class"

        def where(self):
            return label

        class Inner:
            def where(self):
                return label

    return Shadow.label, Shadow().where(), Shadow.Inner().where(), Shadow.Inner.__qualname__


print(shadow())


def errors(kind):
    class Failure(Exception):
        def __init__(self, code):
            super().__init__(f"{kind} failed with {code}")
            self.code = code

    return Failure


Failure = errors("upload")
try:
    raise Failure(7)
except Exception as e:
    print(type(e).__name__, e, e.code, isinstance(e, Failure))


def run_workers(n):
    results = []
    lock = threading.Lock()

    class Worker(threading.Thread):
        def __init__(self, k):
            super().__init__()
            self.k = k

        def run(self):
            with lock:
                results.append(self.k * self.k)

    workers = [Worker(k) for k in range(n)]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    return sorted(results)


print(run_workers(4))


def decorated():
    def register(cls):
        cls.registered = True
        return cls

    @register
    class Plugin:
        pass

    return Plugin.registered, Plugin.__qualname__


print(decorated())
# --- expected (CPython 3.11; EMLAB_BLESS=1 cargo test -p emlab --test differential) ---
# exit: 0
# stdout:
# | Point(x=1, y=2) Point(x=1, y=2, z=3) 2 3
# | Point make_point.<locals>.Point False True
# | <class '__main__.make_point.<locals>.Point'>
# | 12 13
# | ('class', 'outer', 'outer', 'shadow.<locals>.Shadow.Inner')
# | Failure upload failed with 7 7 True
# | [0, 1, 4, 9]
# | (True, 'decorated.<locals>.Plugin')
