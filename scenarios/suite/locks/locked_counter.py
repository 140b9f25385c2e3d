# show: a Lock around `+=` makes the counter exact
# expect: pass
lock = Lock()
c = [0]
def work():
    with lock:
        c[0] += 1
h1 = spawn(work)
h2 = spawn(work)
work()
join(h1)
join(h2)
assert c[0] == 3, c[0]
