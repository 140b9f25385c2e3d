# show: the main thread's join is a core step: after a collection parks it, it can wake while the worker is inside a locked extension call, and without the EML that breaks the call's atomicity (dpor once ordered the join after the worker's end and called the run complete)
# expect: violation atomicity
# mode: nogil
import gc
import callback
totals = [0, 0]
def bump(v):
    return v + 1
def worker():
    gc.collect()
    callback.update(totals, bump)
h = spawn(worker)
join(h)
print(totals)
