# A parameter given both by position and by keyword.
def move(src, dst, amount=1):
    return [src, dst, amount]

print(move(0, 1, amount=5))
move(0, 1, src=2)
# --- expected (CPython 3.11; EMLAB_BLESS=1 cargo test -p emlab --test differential) ---
# exit: 1
# stderr ends: TypeError: move() got multiple values for argument 'src'
# stdout:
# | [0, 1, 5]
