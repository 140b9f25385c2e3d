# `**` in dict displays: merged left to right, later keys win but keep the first one's place;
# the mapping is read when the display is built (a snapshot), and a non-mapping is a TypeError.
import threading

defaults = {"host": "localhost", "port": 8080, "debug": False}
overrides = {"port": 9090, "debug": True}
config = {**defaults, **overrides, "name": "svc"}
print(config)
print({"debug": None, **defaults})
print({**{}, **{"a": 1}}, {**{1: "one"}, 1.0: "float one", True: "true"})
merged = {"a": 1, **{"b": 2}, "c": 3, **{"a": 4}}
print(merged, list(merged))


def options(**kw):
    return {**kw, "seen": len(kw)}


print(options(x=1, y=2), options())

snapshot = {}
source = {"count": 0}
lock = threading.Lock()


def writer():
    for _ in range(100):
        with lock:
            source["count"] += 1


def reader():
    for _ in range(10):
        with lock:
            copy = {**source, "copied": True}
        assert copy["count"] <= 100
    snapshot.update(copy)


threads = [threading.Thread(target=writer), threading.Thread(target=reader)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(sorted(snapshot), source)

for bad in [[("a", 1)], 3, None]:
    try:
        print({**bad})
    except TypeError as e:
        print("TypeError:", e)
# --- expected (CPython 3.11; EMLAB_BLESS=1 cargo test -p emlab --test differential) ---
# exit: 0
# stdout:
# | {'host': 'localhost', 'port': 9090, 'debug': True, 'name': 'svc'}
# | {'debug': False, 'host': 'localhost', 'port': 8080}
# | {'a': 1} {1: 'true'}
# | {'a': 4, 'b': 2, 'c': 3} ['a', 'b', 'c']
# | {'x': 1, 'y': 2, 'seen': 2} {'seen': 0}
# | ['copied', 'count'] {'count': 100}
# | TypeError: 'list' object is not a mapping
# | TypeError: 'int' object is not a mapping
# | TypeError: 'NoneType' object is not a mapping
