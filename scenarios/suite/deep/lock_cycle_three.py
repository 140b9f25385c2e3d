# show: three threads each take two of three locks, in a cycle: a three-way lock-order deadlock
# expect: violation deadlock
a = Lock()
b = Lock()
c = Lock()
def first():
    with a:
        with b:
            pass
def second():
    with b:
        with c:
            pass
def third():
    with c:
        with a:
            pass
h1 = spawn(first)
h2 = spawn(second)
h3 = spawn(third)
join(h1)
join(h2)
join(h3)
