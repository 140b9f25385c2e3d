# show: dropping a cached object races a collection in another thread; the pin keeps it alive until the drop
# expect: pass
import cache
import gc
def keep():
    cache.put('k', [1, 2])
def collector():
    gc.collect()
    gc.collect()
def dropper():
    cache.drop('k')
keep()
h1 = spawn(collector)
h2 = spawn(dropper)
v = cache.get('k')
assert v is None or v == [1, 2], v
join(h1)
join(h2)
