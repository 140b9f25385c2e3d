# Nested functions and closures: a nested function sees its enclosing function's locals (their
# latest values, through shared cells), `nonlocal` rebinds them, closures outlive the call that
# made them, and each call makes fresh cells.
def make_counter(start=0):
    count = start

    def inc(by=1):
        nonlocal count
        count += by
        return count

    def get():
        return count

    return inc, get


inc, get = make_counter(10)
inc()
inc(5)
print(get(), inc())
inc2, get2 = make_counter()
print(inc2(), get(), get2())


def outer():
    x = 1

    def middle():
        def inner():
            return x + 1

        return inner

    x = 5
    return middle()()


print(outer())


def accumulate(values):
    total = 0
    seen = []

    def add(v):
        nonlocal total
        total += v
        seen.append(v)

    for v in values:
        add(v)
    return total, seen


print(accumulate([3, 4, 5]))


def shadow():
    y = "outer"

    def inner():
        y = "inner"
        return y

    return inner(), y


print(shadow())


def unbound_early():
    def read():
        return later

    try:
        read()
    except NameError as e:
        print("NameError:", e)
    later = "now bound"
    return read()


print(unbound_early())


def local_before_assignment():
    v = 0

    def g():
        print(v)
        v = 1

    try:
        g()
    except UnboundLocalError as e:
        print("UnboundLocalError:", e)


local_before_assignment()


def make_multipliers():
    fs = []
    for k in range(3):
        def times(x, k=k):
            return x * k
        fs.append(times)
    return fs


print([f(10) for f in make_multipliers()])


def shared_from_threads():
    total = 0
    lock = Lock()

    def work(n):
        nonlocal total
        for _ in range(n):
            with lock:
                total += 1

    handles = [spawn(work, 50) for _ in range(3)]
    for h in handles:
        join(h)
    return total


print(shared_from_threads())
print(make_counter.__name__, inc.__name__, inc.__qualname__)
# --- expected (CPython 3.11; EMLAB_BLESS=1 cargo test -p emlab --test differential) ---
# exit: 0
# stdout:
# | 16 17
# | 1 17 1
# | 6
# | (12, [3, 4, 5])
# | ('inner', 'outer')
# | NameError: cannot access free variable 'later' where it is not associated with a value in enclosing scope
# | now bound
# | UnboundLocalError: cannot access local variable 'v' where it is not associated with a value
# | [0, 10, 20]
# | 150
# | make_counter inc make_counter.<locals>.inc
