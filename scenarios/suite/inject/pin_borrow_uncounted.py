# show: unpinned arguments can be collected while the extension waits to promote
# expect: violation use-after-free
# inject: pin-borrow-uncounted
import cache
import gc
def collector():
    gc.collect()
h = spawn(collector)
cache.put('k', [7])
join(h)
print(cache.get('k'))
