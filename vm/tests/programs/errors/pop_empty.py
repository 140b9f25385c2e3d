# IndexError: pop from empty list.
stack = [1, 2]
print(stack.pop())
print(stack.pop())
print(stack.pop())
# --- expected (CPython 3.11; EMLAB_BLESS=1 cargo test -p emlab --test differential) ---
# exit: 1
# stderr ends: IndexError: pop from empty list
# stdout:
# | 2
# | 1
