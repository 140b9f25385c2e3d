# show: a thread blocked on a Lock keeps its locals alive while another thread collects
# expect: pass
import gc
lock = Lock()
lock.acquire()
def holder():
    mine = [1, 2]
    with lock:
        pass
    assert mine == [1, 2]
h = spawn(holder)
gc.collect()
lock.release()
join(h)
