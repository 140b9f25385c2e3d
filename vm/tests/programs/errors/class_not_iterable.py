# TypeError: an instance without __iter__ is not iterable.
class Box:
    def __init__(self):
        self.things = [1, 2]


b = Box()
print(len(b.things))
for thing in b:
    print(thing)
# --- expected (CPython 3.11; EMLAB_BLESS=1 cargo test -p emlab --test differential) ---
# exit: 1
# stderr ends: TypeError: 'Box' object is not iterable
# stdout:
# | 2
