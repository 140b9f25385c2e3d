# show: three threads take two of three locks, always in the same global order: no deadlock, exact counts
# expect: pass
a = Lock()
b = Lock()
c = Lock()
n = [0, 0, 0]
def first():
    with a:
        with b:
            n[0] += 1
def second():
    with b:
        with c:
            n[1] += 1
def third():
    with a:
        with c:
            n[2] += 1
h1 = spawn(first)
h2 = spawn(second)
h3 = spawn(third)
join(h1)
join(h2)
join(h3)
assert n == [1, 1, 1], n
