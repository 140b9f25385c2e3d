# show: two handoffs through locks released by other threads; an unlocked observer
# expect: violation assertion
stage = [0, 0]
one = Lock()
two = Lock()
one.acquire()
two.acquire()
def start():
    stage[0] = 1
    one.release()
def middle():
    one.acquire()
    stage[1] = 1
    two.release()
def watch():
    s1 = stage[1]
    s0 = stage[0]
    assert not (s1 == 1 and s0 == 0)
def finish():
    two.acquire()
    stage[0] = 0
hs = [spawn(start), spawn(middle), spawn(watch), spawn(finish)]
for h in hs:
    join(h)
