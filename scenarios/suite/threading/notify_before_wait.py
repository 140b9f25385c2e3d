# show: a notify that comes before the wait is lost: a waiter that does not check a predicate first waits forever
# expect: violation deadlock
# schedulers: random pct dfs dpor
import threading

cond = threading.Condition()
ready = []


def waiter():
    with cond:
        cond.wait()
    print("woken")


def notifier():
    with cond:
        ready.append(True)
        cond.notify()


w = threading.Thread(target=waiter)
n = threading.Thread(target=notifier)
w.start()
n.start()
n.join()
w.join()
