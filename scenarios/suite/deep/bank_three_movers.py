# show: three threads each make two bank transfers while a watcher sums: the EML keeps every call atomic
# expect: pass
import bank
accts = [100, 100, 100]
def mover(i, j):
    bank.transfer(accts, i, j, 10)
    bank.transfer(accts, j, i, 5)
def watcher():
    assert bank.total(accts) == 300
h1 = spawn(mover, 0, 1)
h2 = spawn(mover, 1, 2)
h3 = spawn(mover, 2, 0)
watcher()
join(h1)
join(h2)
join(h3)
assert bank.total(accts) == 300
