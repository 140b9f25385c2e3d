# show: a collector that ignores the pin table frees an object only the cache holds
# expect: violation use-after-free
# inject: gc-ignore-pins
import cache
import gc
def collector():
    gc.collect()
cache.put('k', [1, 2])
h = spawn(collector)
join(h)
v = cache.get('k')
print(v[0])
