# A daemon worker that serves a queue forever, as in the Python docs' queue example: the run
# ends when the main thread does, and the daemon stops where it waits.
import queue
import threading

q = queue.Queue()


def worker():
    while True:
        item = q.get()
        print(f"Working on {item}")
        q.task_done()


threading.Thread(target=worker, daemon=True).start()
for item in range(5):
    q.put(item)
q.join()
print("All work completed")

blocked = threading.Lock()
blocked.acquire()


def stuck():
    blocked.acquire()
    print("never printed")


t = threading.Thread(target=stuck, daemon=True)
t.start()
print("main ends; the daemon is", "alive" if t.is_alive() else "gone", t.daemon)
# --- expected (CPython 3.11; EMLAB_BLESS=1 cargo test -p emlab --test differential) ---
# exit: 0
# stdout:
# | Working on 0
# | Working on 1
# | Working on 2
# | Working on 3
# | Working on 4
# | All work completed
# | main ends; the daemon is alive True
