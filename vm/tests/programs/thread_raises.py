# A thread dies with an uncaught exception: join returns None and the main thread carries on.
def bad(n):
    print("bad thread starting", n)
    return n // 0

def good(n):
    return n * 2

h = spawn(bad, 7)
r = join(h)
print("join of failed thread:", r)
print(r is None)
h2 = spawn(good, 21)
print("join of good thread:", join(h2))

def index_error(lst):
    return lst[10]

def key_error(d):
    return d["nope"]

hs = [spawn(index_error, [1, 2]), spawn(good, 1), spawn(key_error, {})]
out = []
for h in hs:
    out.append(join(h))
print(out)
def assert_fails():
    assert False, "thread assertion"
print(join(spawn(assert_fails)))
print("main thread still running")
# --- expected (CPython 3.11; EMLAB_BLESS=1 cargo test -p emlab --test differential) ---
# exit: 0
# stdout:
# | bad thread starting 7
# | join of failed thread: None
# | True
# | join of good thread: 42
# | [None, 2, None]
# | None
# | main thread still running
