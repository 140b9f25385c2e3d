# TypeError: __init__ must return None.
class Odd:
    def __init__(self):
        self.ready = True
        return self.ready


Odd()
# --- expected (CPython 3.11; EMLAB_BLESS=1 cargo test -p emlab --test differential) ---
# exit: 1
# stderr ends: TypeError: __init__() should return None, not 'bool'
# stdout:
