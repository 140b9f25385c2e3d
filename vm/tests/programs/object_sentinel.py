# object() as a sentinel (a default that no caller can pass by accident, the end of a queue),
# and type(None), the class of None.
import threading

_missing = object()
DONE = object()


def lookup(table, key, default=_missing):
    value = table.get(key, _missing)
    if value is _missing:
        if default is _missing:
            raise KeyError(key)
        return default
    return value


print(lookup({"a": 1}, "a"), lookup({}, "b", None), lookup({}, "c", 0))
try:
    lookup({}, "d")
except KeyError as e:
    print("KeyError:", e)

items = []
lock = threading.Lock()
work = [1, 2, 3, DONE]


def consumer():
    while True:
        with lock:
            job = work.pop(0)
        if job is DONE:
            break
        items.append(job * 10)


t = threading.Thread(target=consumer)
t.start()
t.join()
print(items, len(work))

s = object()
print(type(s).__name__, type(s) is object, isinstance(s, object), s == s, s == object(), bool(s))
print({s: "found"}[s], s in [1, s], hash(s) == hash(s), str(s) == repr(s), repr(s).startswith("<object object"))
for bad in [lambda: object(1), lambda: setattr(s, "x", 1), lambda: s.missing]:
    try:
        bad()
    except (TypeError, AttributeError) as e:
        print(type(e).__name__ + ":", e)
print(hasattr(s, "x"), getattr(s, "x", "none"))

NoneType = type(None)
print(NoneType, NoneType.__name__, NoneType(), type(NoneType), type(None) is NoneType)
print(isinstance(None, NoneType), isinstance(0, NoneType), isinstance(None, (int, type(None))))
try:
    NoneType(1)
except TypeError as e:
    print("TypeError:", e)


def describe(x):
    kind = type(x)
    if kind is type(None):
        return "nothing"
    if kind is object:
        return "a sentinel"
    return kind.__name__


print([describe(v) for v in [None, s, 1, "a", [], DONE]])
# --- expected (CPython 3.11; EMLAB_BLESS=1 cargo test -p emlab --test differential) ---
# exit: 0
# stdout:
# | 1 None 0
# | KeyError: 'd'
# | [10, 20, 30] 0
# | object True True True False True
# | found True True True True
# | TypeError: object() takes no arguments
# | AttributeError: 'object' object has no attribute 'x'
# | AttributeError: 'object' object has no attribute 'missing'
# | False none
# | <class 'NoneType'> NoneType None <class 'type'> True
# | True False True
# | TypeError: NoneType takes no arguments
# | ['nothing', 'a sentinel', 'int', 'str', 'list', 'a sentinel']
