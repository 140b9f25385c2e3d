# show: a thread blocked on a Lock that keeps its read share stalls a collection forever
# expect: violation deadlock
# inject: eml-no-detach
import gc
lock = Lock()
lock.acquire()
def waiter():
    with lock:
        pass
h = spawn(waiter)
gc.collect()
lock.release()
join(h)
