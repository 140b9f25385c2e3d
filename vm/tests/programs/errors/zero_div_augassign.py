# ZeroDivisionError from //= on a subscript.
vals = [8, 4, 0]
acc = [100]
for v in vals:
    print(acc[0])
    acc[0] //= v
# --- expected (CPython 3.11; EMLAB_BLESS=1 cargo test -p emlab --test differential) ---
# exit: 1
# stderr ends: ZeroDivisionError: integer division or modulo by zero
# stdout:
# | 100
# | 12
# | 3
