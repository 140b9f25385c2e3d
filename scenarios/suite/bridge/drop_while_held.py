# show: an object dropped from the cache stays alive while a thread still holds it in a local
# expect: pass
import cache
import gc
cache.put('k', [5, 6])
def dropper():
    cache.drop('k')
    gc.collect()
v = cache.get('k')
h = spawn(dropper)
join(h)
gc.collect()
assert v == [5, 6], v
assert cache.get('k') is None
