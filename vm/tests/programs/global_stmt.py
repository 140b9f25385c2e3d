# global: reading, rebinding and augmenting module-level names from functions.
counter = 0
log = []

def bump():
    global counter
    counter += 1
    return counter

def read_only():
    return counter * 10

def record(x):
    log.append(x)

def reset(v):
    global counter, log
    counter = v
    log = []

bump()
bump()
print(counter, read_only())
record("a")
record("b")
print(log)
reset(100)
print(counter, log)
print(bump())

def shadow():
    counter = -1
    return counter

print(shadow(), counter)

def make_global():
    global created
    created = "now exists"

make_global()
print(created)
# --- expected (CPython 3.11; EMLAB_BLESS=1 cargo test -p emlab --test differential) ---
# exit: 0
# stdout:
# | 2 20
# | ['a', 'b']
# | 100 []
# | 101
# | -1 101
# | now exists
