# show: a thread blocked on a Lock that keeps its read share stalls an extension call's promotion
# expect: violation deadlock
# inject: eml-no-detach
import counter
lock = Lock()
lock.acquire()
c = [0]
def waiter():
    with lock:
        pass
h = spawn(waiter)
counter.incr(c, 0)
lock.release()
join(h)
assert c[0] == 1
