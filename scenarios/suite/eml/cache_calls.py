# show: cache.put and cache.get from two threads, with a core writer, stay atomic under the EML
# expect: pass
import cache
box = [0]
def writer():
    cache.put('k', [1])
    box[0] = 1
h = spawn(writer)
cache.put('k', [2])
v = cache.get('k')
join(h)
assert v == [1] or v == [2], v
assert cache.get('k') == [1] or cache.get('k') == [2]
