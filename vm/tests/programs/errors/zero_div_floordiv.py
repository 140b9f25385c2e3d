# ZeroDivisionError from // (inside a function).
def ratio(a, b):
    return a // b

print(ratio(10, 3))
print(ratio(-10, 3))
print(ratio(1, 0))
print("unreachable")
# --- expected (CPython 3.11; EMLAB_BLESS=1 cargo test -p emlab --test differential) ---
# exit: 1
# stderr ends: ZeroDivisionError: integer division or modulo by zero
# stdout:
# | 3
# | -4
