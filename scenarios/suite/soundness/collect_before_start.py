# show: a collection may run before another thread even starts
# expect: violation assertion
import gc
freed = [0]
def alloc():
    junk = [1, 2]
    junk = None
def collector():
    freed[0] = gc.collect()
w = spawn(alloc)
c = spawn(collector)
join(w)
join(c)
assert freed[0] != 0, freed
