# show: a lock released by another thread: the wake-up orders nothing, the observer sees a half-done handoff
# expect: violation assertion
cells = [0, 0]
go = Lock()
go.acquire()
def producer():
    cells[0] = 1
    cells[1] = 1
    go.release()
def consumer():
    go.acquire()
    cells[0] = 5
def observer():
    first = cells[0]
    second = cells[1]
    assert not (first == 1 and second == 0)
hs = [spawn(producer), spawn(consumer), spawn(observer)]
for h in hs:
    join(h)
