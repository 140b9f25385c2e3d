# UnboundLocalError: a shared local read before the enclosing function assigned it.
def counter():
    def bump():
        nonlocal n
        n += 1

    bump()
    n = 0


counter()
# --- expected (CPython 3.11; EMLAB_BLESS=1 cargo test -p emlab --test differential) ---
# exit: 1
# stderr ends: NameError: cannot access free variable 'n' where it is not associated with a value in enclosing scope
# stdout:
