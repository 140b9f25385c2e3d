# show: two locks taken in opposite orders deadlock
# expect: violation deadlock
a = Lock()
b = Lock()
def other():
    with b:
        with a:
            pass
h = spawn(other)
with a:
    with b:
        pass
join(h)
