# show: a worker that forgets task_done() for one kind of item: queue.join() never returns
# expect: violation deadlock
import queue
import threading

q = queue.Queue()


def worker():
    for _ in range(2):
        item = q.get()
        if item % 2 == 0:
            q.task_done()


t = threading.Thread(target=worker)
t.start()
q.put(1)
q.put(2)
q.join()
t.join()
