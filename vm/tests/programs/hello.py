# print with zero, one and several arguments of every printable type.
print("hello, world")
print()
print(1, 2, 3)
print("a", 1, None, True, False)
print([1, 2], (3, 4), {"k": "v"})
print("")
print("x", "")
print(-5, 0, 5)
print("multi", "word", "line")
print()
print(None)
print(True, "and", False)
print((), [], {})
x = 42
print("x is", x)
print("done")
# --- expected (CPython 3.11; EMLAB_BLESS=1 cargo test -p emlab --test differential) ---
# exit: 0
# stdout:
# | hello, world
# |
# | 1 2 3
# | a 1 None True False
# | [1, 2] (3, 4) {'k': 'v'}
# |
# | x 
# | -5 0 5
# | multi word line
# |
# | None
# | True and False
# | () [] {}
# | x is 42
# | done
