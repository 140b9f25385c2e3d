# AssertionError with a message built at run time.
def check(balance):
    assert balance >= 0, "negative balance: " + str(balance)
    return balance

print(check(5))
print(check(-7))
# --- expected (CPython 3.11; EMLAB_BLESS=1 cargo test -p emlab --test differential) ---
# exit: 1
# stderr ends: AssertionError: negative balance: -7
# stdout:
# | 5
