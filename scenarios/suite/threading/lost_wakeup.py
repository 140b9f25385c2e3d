# show: a consumer that waits on a Condition with `if` instead of `while`: woken after another consumer took the item, it pops from an empty list
# expect: violation exception
# schedulers: random pct dpor
import threading

items = []
cond = threading.Condition()


def consumer():
    with cond:
        if not items:
            cond.wait()
        items.pop()


def producer():
    with cond:
        items.append(1)
        cond.notify_all()
    with cond:
        items.append(2)
        cond.notify()


consumers = [threading.Thread(target=consumer) for _ in range(2)]
for c in consumers:
    c.start()
p = threading.Thread(target=producer)
p.start()
p.join()
for c in consumers:
    c.join()
