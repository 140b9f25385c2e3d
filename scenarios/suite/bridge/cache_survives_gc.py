# show: an object kept only in cache's module state survives collections in another thread
# expect: pass
import cache
import gc
def collector():
    gc.collect()
cache.put('k', [1, 2, 3])
h = spawn(collector)
gc.collect()
join(h)
assert cache.get('k') == [1, 2, 3]
