# show: arguments stay pinned for the whole call, even while a collection runs
# expect: pass
import cache
import gc
def collector():
    gc.collect()
h = spawn(collector)
cache.put('k', [7])
join(h)
gc.collect()
assert cache.get('k') == [7]
