# show: a GIL does not make `+=` atomic: a switch between the read and the write loses an update
# expect: violation assertion
# mode: gil
c = [0]
def work():
    for i in range(3):
        c[0] += 1
h = spawn(work)
work()
join(h)
assert c[0] == 6, c[0]
