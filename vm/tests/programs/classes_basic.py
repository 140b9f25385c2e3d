# Classes: __init__, methods, instance and class attributes, attribute assignment (plain and
# augmented), getattr/setattr/hasattr, type(), isinstance, __name__.
class Point:
    dims = 2

    def __init__(self, x, y=0):
        self.x = x
        self.y = y

    def moved(self, dx, dy=0):
        return Point(self.x + dx, self.y + dy)

    def norm1(self):
        return abs(self.x) + abs(self.y)

    def describe(self):
        return "Point(" + str(self.x) + ", " + str(self.y) + ")"


p = Point(3, -4)
q = p.moved(1, dy=2)
print(p.x, p.y, q.x, q.y, p.norm1(), q.describe())
print(Point(7).y, Point(y=5, x=1).describe())
p.x += 10
p.y -= 1
print(p.describe())
p.label = "origin-ish"
print(p.label, hasattr(p, "label"), hasattr(q, "label"), getattr(q, "label", "none"))
setattr(q, "label", "q")
print(getattr(q, "label"), q.label)
print(Point.dims, p.dims)
Point.dims = 3
print(p.dims, q.dims)
p.dims = 99
print(p.dims, q.dims, Point.dims)
print(type(p).__name__, Point.__name__, type(p) is Point, isinstance(p, Point), isinstance(3, Point))
print(isinstance(p, object), isinstance(3, int), isinstance(True, int), isinstance("s", (int, str)))
print(type(3) is int, type("a") is str, type([]) is list, type({}) is dict, type(()) is tuple, type(True) is bool)
print(type(3), type(Point) is type, callable(Point), callable(p), callable(p.moved))
m = p.norm1
print(m())
f = Point.describe
print(f(q))
points = []
for i in range(4):
    points.append(Point(i, i * i))
print(len(points), points[2].y)
total = 0
for pt in points:
    total += pt.norm1()
print(total)


class Counter:
    created = 0

    def __init__(self):
        Counter.created += 1
        self.count = 0

    def tick(self, n=1):
        self.count += n
        return self


c = Counter()
c.tick().tick(5).tick()
Counter()
print(c.count, Counter.created)


class Empty:
    pass


e = Empty()
e.a = 1
e.b = [e.a, 2]
e.b.append(3)
print(e.a, e.b, isinstance(e, Empty))
# --- expected (CPython 3.11; EMLAB_BLESS=1 cargo test -p emlab --test differential) ---
# exit: 0
# stdout:
# | 3 -4 4 -2 7 Point(4, -2)
# | 0 Point(1, 5)
# | Point(13, -5)
# | origin-ish True False none
# | q q
# | 2 2
# | 3 3
# | 99 3 3
# | Point Point True True False
# | True True True True
# | True True True True True True
# | <class 'int'> True True False True
# | 18
# | Point(4, -2)
# | 4 4
# | 20
# | 7 2
# | 1 [1, 2, 3] True
