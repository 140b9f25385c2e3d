# show: (eml) a worker loops over a list that another worker's exclusive call changes; it may finish the loop and its read before the call: the poll where it parked is a park point
# expect: violation assertion
import bank
x = [0, 0]
def reader():
    for v in x:
        pass
    print(x[0])
    assert x[0] == -1, x[0]
def mover():
    bank.transfer(x, 0, 1, 1)
h1 = spawn(reader)
h2 = spawn(mover)
join(h1)
join(h2)
