# show: without the EML a watcher catches a transfer half done, between its withdrawal and its deposit
# expect: violation atomicity, assertion
# mode: nogil
import bank
accts = [100, 100, 100]
def mover(i, j):
    bank.transfer(accts, i, j, 10)
def watcher():
    assert bank.total(accts) == 300
h1 = spawn(mover, 0, 1)
h2 = spawn(mover, 1, 2)
h3 = spawn(watcher)
join(h1)
join(h2)
join(h3)
