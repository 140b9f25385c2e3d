# ZeroDivisionError from % ("integer modulo by zero" in CPython 3.11).
x = 17
for d in [5, 3, 1, 0]:
    print(x % d)
print("unreachable")
# --- expected (CPython 3.11; EMLAB_BLESS=1 cargo test -p emlab --test differential) ---
# exit: 1
# stderr ends: ZeroDivisionError: integer modulo by zero
# stdout:
# | 2
# | 2
# | 0
