# A missing method is an AttributeError before the call's arguments are evaluated.
def f():
    print("arguments evaluated")
    return 1
x = [1]
x.append(f())
print(x)
x.nosuch(f())
# --- expected (CPython 3.11; EMLAB_BLESS=1 cargo test -p emlab --test differential) ---
# exit: 1
# stderr ends: AttributeError: 'list' object has no attribute 'nosuch'
# stdout:
# | arguments evaluated
# | [1, 1]
