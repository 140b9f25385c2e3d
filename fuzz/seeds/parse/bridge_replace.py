# show: put over an existing key releases the old object's count and keeps the new one
# expect: pass
import cache
import gc
def writer(v):
    cache.put('k', [v])
h = spawn(writer, 1)
writer(2)
join(h)
gc.collect()
v = cache.get('k')
assert v == [1] or v == [2], v
