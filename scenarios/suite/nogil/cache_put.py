# show: cache calls race with core code when nothing excludes them
# expect: violation atomicity
# mode: nogil
import cache
x = [0]
def core():
    x[0] = 1
h = spawn(core)
cache.put('k', [1, 2])
join(h)
