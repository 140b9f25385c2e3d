# `with` on objects that define __enter__ and __exit__, and `with ... as`: __exit__ runs
# however the block ends (normally, by an exception, by break, continue or return), gets the
# exception, and suppresses it by returning a true value.
class Tracer:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress

    def __enter__(self):
        print("enter", self.name)
        return self.name.upper()

    def __exit__(self, exc_type, exc, tb):
        if exc_type is None:
            print("exit", self.name, "cleanly")
        else:
            print("exit", self.name, "with", exc_type.__name__, exc)
        return self.suppress


with Tracer("a") as label:
    print("inside", label)

with Tracer("b", suppress=True):
    print("about to fail")
    raise KeyError("k")
print("b's error was suppressed")

try:
    with Tracer("c"):
        raise ValueError("bad value")
except ValueError as e:
    print("propagated:", e)

for i in range(3):
    with Tracer("loop" + str(i)):
        if i == 0:
            continue
        if i == 1:
            break
print("after loop")


def find(items, target):
    with Tracer("find"):
        for i in range(len(items)):
            if items[i] == target:
                return i
    return -1


print(find([4, 5, 6], 5), find([], 1))

with Tracer("outer") as o:
    with Tracer("inner") as i:
        print(o, i)

lock = Lock()
with lock as got:
    print("lock held:", got)
with lock:
    print("taken again after the first with released it")


class Pair:
    def __enter__(self):
        return (1, 2)

    def __exit__(self, *args):
        print("exit got", len(args), "arguments:", args)


with Pair() as (first, second):
    print(first + second)
# --- expected (CPython 3.11; EMLAB_BLESS=1 cargo test -p emlab --test differential) ---
# exit: 0
# stdout:
# | enter a
# | inside A
# | exit a cleanly
# | enter b
# | about to fail
# | exit b with KeyError 'k'
# | b's error was suppressed
# | enter c
# | exit c with ValueError bad value
# | propagated: bad value
# | enter loop0
# | exit loop0 cleanly
# | enter loop1
# | exit loop1 cleanly
# | after loop
# | enter find
# | exit find cleanly
# | enter find
# | exit find cleanly
# | 1 -1
# | enter outer
# | enter inner
# | OUTER INNER
# | exit inner cleanly
# | exit outer cleanly
# | lock held: True
# | taken again after the first with released it
# | 3
# | exit got 3 arguments: (None, None, None)
