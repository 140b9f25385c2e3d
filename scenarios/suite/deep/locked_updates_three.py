# show: three threads each make three locked read-modify-write updates: none is lost
# expect: pass
lock = Lock()
c = [0]
def work():
    for _ in range(3):
        with lock:
            c[0] = c[0] + 1
h1 = spawn(work)
h2 = spawn(work)
h3 = spawn(work)
join(h1)
join(h2)
join(h3)
assert c[0] == 9, c[0]
