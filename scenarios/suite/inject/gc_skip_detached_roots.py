# show: a collector that skips blocked threads' stacks frees a blocked thread's local list
# expect: violation use-after-free
# inject: gc-skip-detached-roots
import gc
lock = Lock()
lock.acquire()
def holder():
    mine = [1, 2]
    with lock:
        pass
    print(mine[0])
h = spawn(holder)
gc.collect()
lock.release()
join(h)
