# threading.local: each thread sees its own attributes. A per-thread "connection" opened on
# first use, a request context subclass whose __init__ runs again in every thread with the
# arguments it was made with, del and hasattr, and CPython's messages.
import threading

store = threading.local()
store.name = "main"
opened = []
opened_lock = threading.Lock()


def connection():
    # The usual lazy per-thread resource.
    if not hasattr(store, "conn"):
        with opened_lock:
            opened.append(threading.current_thread().name)
        store.conn = {"owner": threading.current_thread().name, "queries": 0}
    return store.conn


def handle(requests):
    for r in requests:
        conn = connection()
        conn["queries"] += 1
    return connection()["queries"]


results = {}


def worker(name, requests):
    try:
        store.name
    except AttributeError as e:
        results[name + " before"] = str(e)
    store.name = name
    results[name] = (handle(requests), store.name, store.conn["owner"])


threads = [threading.Thread(target=worker, args=(f"w{i}", range(i + 1)), name=f"w{i}") for i in range(3)]
for t in threads:
    t.start()
for t in threads:
    t.join()
for key in sorted(results):
    print(key, results[key])
print(sorted(opened), store.name, hasattr(store, "conn"))


class Context(threading.local):
    """A request context: each thread starts from the values it was made with."""

    retries = 3  # a class attribute, seen until a thread sets its own

    def __init__(self, user, depth=0):
        self.user = user
        self.depth = depth
        self.log = []

    def enter(self, what):
        self.depth += 1
        self.log.append(what)
        return self.depth


ctx = Context("admin", depth=1)
ctx.enter("main")
ctx.retries = 5
seen = []


def serve(what):
    ctx.enter(what)
    ctx.enter(what + "!")
    seen.append((what, ctx.user, ctx.depth, ctx.log, ctx.retries))


for what in ["a", "b"]:
    t = threading.Thread(target=serve, args=(what,))
    t.start()
    t.join()
print(seen)
print(ctx.user, ctx.depth, ctx.log, ctx.retries, Context.retries)
print(isinstance(ctx, threading.local), isinstance(store, Context), type(ctx).__name__)

del store.name
print(hasattr(store, "name"), getattr(store, "name", "gone"))
for bad in [lambda: threading.local(1), lambda: threading.local(x=1), lambda: store.missing]:
    try:
        bad()
    except (TypeError, AttributeError) as e:
        print(type(e).__name__ + ":", e)


class Plain(threading.local):
    pass


try:
    Plain(1)
except TypeError as e:
    print("TypeError:", e)
p = Plain()
p.v = 1
print(p.v)
try:
    del p.w
except AttributeError as e:
    print("AttributeError:", e)


class Handler(threading.local):
    def __init__(self, callback):
        self.callback = callback  # a per-thread attribute holding a function


handler = Handler(lambda: "called in " + threading.current_thread().name)
calls = []


def use_handler():
    # The first use in this thread is a call of the attribute: __init__ runs before it.
    calls.append(handler.callback())


t = threading.Thread(target=use_handler, name="h")
t.start()
t.join()
print(calls, handler.callback())
# --- expected (CPython 3.11; EMLAB_BLESS=1 cargo test -p emlab --test differential) ---
# exit: 0
# stdout:
# | w0 (1, 'w0', 'w0')
# | w0 before '_thread._local' object has no attribute 'name'
# | w1 (2, 'w1', 'w1')
# | w1 before '_thread._local' object has no attribute 'name'
# | w2 (3, 'w2', 'w2')
# | w2 before '_thread._local' object has no attribute 'name'
# | ['w0', 'w1', 'w2'] main False
# | [('a', 'admin', 3, ['a', 'a!'], 3), ('b', 'admin', 3, ['b', 'b!'], 3)]
# | admin 2 ['main'] 5 3
# | True False Context
# | False gone
# | TypeError: Initialization arguments are not supported
# | TypeError: Initialization arguments are not supported
# | AttributeError: '_thread._local' object has no attribute 'missing'
# | TypeError: Initialization arguments are not supported
# | 1
# | AttributeError: 'Plain' object has no attribute 'w'
# | ['called in h'] called in MainThread
