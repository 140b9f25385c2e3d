# is / is not: with None, and identity of mutable objects.
x = None
print(x is None, x is not None)
y = 0
print(y is None, y is not None)
s = ""
print(None is None, [] is None, s is not None)
def find(lst, target):
    i = 0
    while i < len(lst):
        if lst[i] == target:
            return i
        i += 1
    return None
r = find([5, 6, 7], 6)
print(r, r is None)
r = find([5, 6, 7], 9)
print(r, r is None)
a = [1]
b = a
c = [1]
print(a is b, a is c, a == c, a is not c)
d = {}
e = d
print(d is e, {} is d)
print(True is True, False is not True)
def nothing():
    return
print(nothing() is None)
result = {}.get("missing")
print(result is None)
cache = {"hit": None}
print(cache.get("hit") is None, "hit" in cache)
# --- expected (CPython 3.11; EMLAB_BLESS=1 cargo test -p emlab --test differential) ---
# exit: 0
# stdout:
# | True False
# | False True
# | True False True
# | 1 False
# | None True
# | True False True True
# | True False
# | True True
# | True
# | True
# | True True
