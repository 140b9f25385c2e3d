# TypeError: a class's __init__ is called with too few arguments (named by its qualified name).
class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y


print(Point(1, 2).y)
Point(1)
# --- expected (CPython 3.11; EMLAB_BLESS=1 cargo test -p emlab --test differential) ---
# exit: 1
# stderr ends: TypeError: Point.__init__() missing 1 required positional argument: 'y'
# stdout:
# | 2
