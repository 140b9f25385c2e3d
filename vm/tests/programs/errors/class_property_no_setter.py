# AttributeError: assigning a property that has no setter.
class Circle:
    def __init__(self, r):
        self.r = r

    @property
    def diameter(self):
        return 2 * self.r


c = Circle(3)
print(c.diameter)
c.diameter = 10
# --- expected (CPython 3.11; EMLAB_BLESS=1 cargo test -p emlab --test differential) ---
# exit: 1
# stderr ends: AttributeError: property 'diameter' of 'Circle' object has no setter
# stdout:
# | 6
