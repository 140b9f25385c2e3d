# show: a dropped cache entry is unpinned by the scan and reclaimed, with no dangling use
# expect: pass
import cache
import gc
cache.put('a', [1])
cache.put('b', [2])
def dropper():
    cache.drop('a')
h = spawn(dropper)
gc.collect()
join(h)
gc.collect()
assert cache.get('a') is None
assert cache.get('b') == [2]
