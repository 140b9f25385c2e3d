# A keyword-only parameter without a default must be passed by name.
def open_account(owner, *, balance):
    return owner, balance

print(open_account("ann", balance=3))
open_account("bob", 5)
# --- expected (CPython 3.11; EMLAB_BLESS=1 cargo test -p emlab --test differential) ---
# exit: 1
# stderr ends: TypeError: open_account() takes 1 positional argument but 2 were given
# stdout:
# | ('ann', 3)
