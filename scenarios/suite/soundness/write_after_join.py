# show: a worker joins another before it writes; an unlocked reader races both
# expect: violation assertion
box = [0]
def first():
    box[0] = 1
def second():
    join(a)
    box[0] = 2
a = spawn(first)
b = spawn(second)
seen = box[0]
join(b)
assert seen != 1, seen
