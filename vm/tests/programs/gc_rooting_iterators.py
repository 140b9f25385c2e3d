# Items that iterators, key functions and comparisons hand around stay alive while Python code
# runs (the collector runs every 20,000 allocations): map, zip, enumerate, sorted with a key,
# __lt__ of instances inside sorted and max, dict() of pairs.
keys = sorted(range(30000), key=lambda i: [i % 7, -i])
print(keys[0], keys[1], keys[-1])
made = list(map(lambda i: [i, str(i)], range(30000)))
print(made[12345], len(made))
z = list(zip(map(lambda i: "k" + str(i), range(25000)), map(lambda i: [i], range(25000))))
print(z[24999])


class Box:
    def __init__(self, v):
        self.v = [v, str(v)]

    def __lt__(self, other):
        return self.v[0] < other.v[0]

    def __repr__(self):
        return "Box(" + str(self.v[0]) + ")"


boxes = sorted([Box((i * 7919) % 10007) for i in range(12000)])
print(boxes[0], boxes[2], boxes[-1])
every = [(i, w) for i, w in enumerate(map(lambda i: [i], range(22000))) if i % 5000 == 0]
print(every)
print(max(map(lambda i: Box((i * 31) % 20011), range(25000))), min([Box(5), Box(3), Box(9)]))
print(len(dict(map(lambda i: (str(i), [i]), range(25000)))))
# --- expected (CPython 3.11; EMLAB_BLESS=1 cargo test -p emlab --test differential) ---
# exit: 0
# stdout:
# | 29995 29988 6
# | [12345, '12345'] 30000
# | ('k24999', [24999])
# | Box(0) Box(1) Box(10006)
# | [(0, [0]), (5000, [5000]), (10000, [10000]), (15000, [15000]), (20000, [20000])]
# | Box(20010) Box(3)
# | 25000
