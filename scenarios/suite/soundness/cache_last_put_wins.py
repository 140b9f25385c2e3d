# show: two threads put into one extension's module state; which put lands last is a race the checker must see both ways
# expect: pass
import cache
def put(v):
    cache.put('k', [v])
a = spawn(put, 1)
b = spawn(put, 2)
join(a)
join(b)
last = cache.get('k')
assert last == [1] or last == [2], last
print(last)
