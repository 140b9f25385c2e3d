# del: names (global and local), list items, dict keys, attributes, and CPython's errors.
x = 1
del x
try:
    print(x)
except NameError as e:
    print("NameError:", e)


def f():
    y = 2
    del y
    try:
        return y
    except UnboundLocalError as e:
        return str(e)


print(f())
a = [1, 2, 3, 4]
del a[1]
del a[-1]
print(a)
d = {"k": 1, "j": 2}
del d["k"]
print(d)
try:
    del d["missing"]
except KeyError as e:
    print("KeyError:", e)
try:
    del a[10]
except IndexError as e:
    print("IndexError:", e)


class P:
    pass


p = P()
p.v = 1
p.w = 2
del p.v
print(hasattr(p, "v"), p.w)
try:
    del p.v
except AttributeError as e:
    print("AttributeError:", e)
t = (1, 2)
try:
    del t[0]
except TypeError as e:
    print("TypeError:", e)
m, n = 1, 2
del m, n
try:
    print(m)
except NameError as e:
    print("NameError:", e)


class Bag:
    def __delitem__(self, k):
        print("delitem", k)


bag = Bag()
del bag["x"]
pending = {1: "a", 2: "b", 3: "c"}
for key in list(pending.keys()):
    if key % 2:
        del pending[key]
print(pending)
# --- expected (CPython 3.11; EMLAB_BLESS=1 cargo test -p emlab --test differential) ---
# exit: 0
# stdout:
# | NameError: name 'x' is not defined
# | cannot access local variable 'y' where it is not associated with a value
# | [1, 3]
# | {'j': 2}
# | KeyError: 'missing'
# | IndexError: list assignment index out of range
# | False 2
# | AttributeError: 'P' object has no attribute 'v'
# | TypeError: 'tuple' object doesn't support item deletion
# | NameError: name 'm' is not defined
# | delitem x
# | {2: 'b'}
