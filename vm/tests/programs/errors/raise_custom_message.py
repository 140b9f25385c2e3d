# An uncaught exception raised by the program prints its message; a KeyError its key's repr.
def check(balance):
    if balance < 0:
        raise KeyError("account-" + str(-balance))
    return balance

print(check(5))
check(-3)
# --- expected (CPython 3.11; EMLAB_BLESS=1 cargo test -p emlab --test differential) ---
# exit: 1
# stderr ends: KeyError: 'account-3'
# stdout:
# | 5
