# An error inside a comprehension: its frame shows in the traceback.
values = [4, 2, 0, 1]
print("start")
print([10 // v for v in values])
# --- expected (CPython 3.11; EMLAB_BLESS=1 cargo test -p emlab --test differential) ---
# exit: 1
# stderr ends: ZeroDivisionError: integer division or modulo by zero
# stdout:
# | start
