# threading.excepthook: a program's hook sees each thread's uncaught exception (its type,
# value and thread) instead of the default report; threads are named as CPython names them.
import threading

failures = []
lock = threading.Lock()


def hook(args):
    with lock:
        failures.append((args.thread.name, args.exc_type.__name__, str(args.exc_value)))


def check(n):
    if n % 2:
        raise ValueError(f"odd input {n}")
    return n


threading.excepthook = hook
print(threading.excepthook is hook, threading.__excepthook__ is hook)
workers = [threading.Thread(target=check, args=(n,)) for n in range(4)]
named = threading.Thread(target=check, args=(5,), name="checker")
for t in workers + [named]:
    t.start()
for t in workers + [named]:
    t.join()
print(sorted(failures))
print([t.name for t in workers], named.name)


class Job(threading.Thread):
    def run(self):
        raise KeyError("missing")


job = Job()
job.start()
job.join()
print(failures[-1])


def quits():
    raise SystemExit(3)


t = threading.Thread(target=quits)
t.start()
t.join()
print(len(failures), failures[-1], "a custom hook sees SystemExit too")
threading.excepthook = threading.__excepthook__
t = threading.Thread(target=check, args=(7,))
t.start()
t.join()
print("the default hook reported", t.name, "on stderr")
# --- expected (CPython 3.11; EMLAB_BLESS=1 cargo test -p emlab --test differential) ---
# exit: 0
# stdout:
# | True False
# | [('Thread-2 (check)', 'ValueError', 'odd input 1'), ('Thread-4 (check)', 'ValueError', 'odd input 3'), ('checker', 'ValueError', 'odd input 5')]
# | ['Thread-1 (check)', 'Thread-2 (check)', 'Thread-3 (check)', 'Thread-4 (check)'] checker
# | ('Thread-5', 'KeyError', "'missing'")
# | 5 ('Thread-6 (quits)', 'SystemExit', '3') a custom hook sees SystemExit too
# | the default hook reported Thread-7 (check) on stderr
