# NameError: a nested function reads a variable of its enclosing function before it is bound.
def outer():
    def inner():
        return quantity + 1

    print(inner.__name__)
    inner()
    quantity = 1


outer()
# --- expected (CPython 3.11; EMLAB_BLESS=1 cargo test -p emlab --test differential) ---
# exit: 1
# stderr ends: NameError: cannot access free variable 'quantity' where it is not associated with a value in enclosing scope
# stdout:
# | inner
