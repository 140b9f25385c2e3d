# show: (eml) a read, a call (where the thread parks), then the write; an exclusive increment lands between
# expect: violation assertion
import counter
cell = [0]
def helper():
    return 1
def bump():
    seen = cell[0]
    helper()
    cell[0] = seen + 1
h = spawn(bump)
counter.incr(cell, 0)
join(h)
assert cell[0] == 2, cell
