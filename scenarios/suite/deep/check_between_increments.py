# show: a checker that runs between the second and third of three locked increments sees a total it must never see
# expect: violation assertion
lock = Lock()
c = [0]
def inc():
    with lock:
        c[0] += 1
def check():
    with lock:
        v = c[0]
    assert v != 2, v
h1 = spawn(inc)
h2 = spawn(inc)
h3 = spawn(inc)
h4 = spawn(check)
join(h1)
join(h2)
join(h3)
join(h4)
