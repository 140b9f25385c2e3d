# show: a collector that ignores the pin table frees an object only the cache holds
# expect: violation use-after-free
# inject: gc-ignore-pins
import cache
import gc
cache.put('k', [1, 2])
gc.collect()
v = cache.get('k')
print(v[0])
