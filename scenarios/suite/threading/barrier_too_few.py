# show: a Barrier for three parties that only two threads reach: both wait forever
# expect: violation deadlock
import threading

barrier = threading.Barrier(3)


def party():
    barrier.wait()


threads = [threading.Thread(target=party) for _ in range(2)]
for t in threads:
    t.start()
for t in threads:
    t.join()
