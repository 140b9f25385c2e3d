# show: (eml) a worker comes back from an extension's allow_threads (blocking.pause) and reads what another worker writes after its own exclusive call; it may come back, re-attach and request before the other's call: an attach followed by the thread's own request is no inert attach
# expect: violation assertion
import cache
import blocking
x = [0, 0]
def sleeper():
    blocking.pause(1)
    assert x[1] == 3, x[1]
def writer():
    cache.put('k', [3])
    x[1] = 3
h1 = spawn(sleeper)
h2 = spawn(writer)
join(h1)
join(h2)
