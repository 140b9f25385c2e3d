# TypeError: unsupported operand type(s) for +: 'int' and 'str'.
n = 5
s = "five"
print(n, s)
print(n + s)
# --- expected (CPython 3.11; EMLAB_BLESS=1 cargo test -p emlab --test differential) ---
# exit: 1
# stderr ends: TypeError: unsupported operand type(s) for +: 'int' and 'str'
# stdout:
# | 5 five
