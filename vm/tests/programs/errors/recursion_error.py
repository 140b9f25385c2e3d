# RecursionError: maximum recursion depth exceeded (unbounded recursion).
def down(n):
    return down(n + 1) + 1

print("recursing")
down(0)
# --- expected (CPython 3.11; EMLAB_BLESS=1 cargo test -p emlab --test differential) ---
# exit: 1
# stderr ends: RecursionError: maximum recursion depth exceeded
# stdout:
# | recursing
