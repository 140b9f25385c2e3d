# An error inside __repr__ propagates out of print, with __repr__'s frame in the traceback.
class Broken:
    def __init__(self, n):
        self.n = n

    def __repr__(self):
        return "Broken(" + self.n + ")"


print(Broken("ok"))
print([Broken(3)])
# --- expected (CPython 3.11; EMLAB_BLESS=1 cargo test -p emlab --test differential) ---
# exit: 1
# stderr ends: TypeError: can only concatenate str (not "int") to str
# stdout:
# | Broken(ok)
