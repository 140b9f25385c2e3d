# Several context managers in one `with`: entered left to right, left in reverse order, each
# seeing the exception that is unwinding; a suppressing manager hides it from the outer ones.
import threading


class Tracked:
    def __init__(self, name, log, suppress=False):
        self.name = name
        self.log = log
        self.suppress = suppress

    def __enter__(self):
        self.log.append("enter " + self.name)
        return self.name.upper()

    def __exit__(self, kind, value, tb):
        self.log.append(f"exit {self.name} {kind.__name__ if kind else None}")
        return self.suppress


log = []
with Tracked("a", log) as a, Tracked("b", log), Tracked("c", log) as c:
    log.append(f"body {a} {c}")
print(log)

log = []
try:
    with Tracked("outer", log), Tracked("inner", log):
        raise KeyError("k")
except KeyError as e:
    log.append(f"caught {e!r}")
print(log)

log = []
with Tracked("outer", log), Tracked("quiet", log, suppress=True):
    raise ValueError("hidden")
print(log)

first, second = threading.Lock(), threading.Lock()
total = [0]


def transfer(n):
    for _ in range(n):
        with first, second:
            total[0] += 1


workers = [threading.Thread(target=transfer, args=(50,)) for _ in range(3)]
for w in workers:
    w.start()
for w in workers:
    w.join()
print(total[0], first.locked(), second.locked())
# --- expected (CPython 3.11; EMLAB_BLESS=1 cargo test -p emlab --test differential) ---
# exit: 0
# stdout:
# | ['enter a', 'enter b', 'enter c', 'body A C', 'exit c None', 'exit b None', 'exit a None']
# | ['enter outer', 'enter inner', 'exit inner KeyError', 'exit outer KeyError', "caught KeyError('k')"]
# | ['enter outer', 'enter quiet', 'exit quiet ValueError', 'exit outer None']
# | 150 False False
