# and/or return one of their operands; not; truthiness of every type.
print(1 and 2)
print(0 and 2)
print(1 or 2)
print(0 or 2)
print(None or "default")
print("" or "empty str falls through")
print([] or [1])
print({} and "never")
print("x" and "y")
print(None and 1)
print(0 or None)
print(False or 0)
print(() or "tuple")
print(not 0, not 1, not "", not "a")
print(not [], not [0], not {}, not {0: 0}, not (), not (0,))
print(not None, not True, not False)
print(not not 5)
print(1 and 2 and 3, 1 and 0 and 3)
print(0 or 0 or 7, 0 or "" or None)
print(1 or 2 and 3)
print((1 or 2) and 3)
def noisy(v):
    print("evaluated", v)
    return v
print(noisy(0) and noisy(1))
print(noisy(1) or noisy(2))
print(noisy(1) and noisy(0) or noisy(3))
print(-1 and "neg is true")
x = [] or {} or () or "" or 0
print(repr(x))
# --- expected (CPython 3.11; EMLAB_BLESS=1 cargo test -p emlab --test differential) ---
# exit: 0
# stdout:
# | 2
# | 0
# | 1
# | 2
# | default
# | empty str falls through
# | [1]
# | {}
# | y
# | None
# | None
# | 0
# | tuple
# | True False True False
# | True False True False True False
# | True False True
# | True
# | 3 0
# | 7 None
# | 1
# | 3
# | evaluated 0
# | 0
# | evaluated 1
# | 1
# | evaluated 1
# | evaluated 0
# | evaluated 3
# | 3
# | neg is true
# | 0
