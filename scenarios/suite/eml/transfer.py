# show: two transfers race with a bank.total watcher; the EML keeps every call atomic
# expect: pass
import bank
accts = [100, 100, 100]
bad = [0]
def mover(i, j):
    bank.transfer(accts, i, j, 10)
def watcher():
    if bank.total(accts) != 300:
        bad[0] += 1
h1 = spawn(mover, 0, 1)
h2 = spawn(mover, 1, 2)
h3 = spawn(watcher)
join(h1)
join(h2)
join(h3)
assert bad[0] == 0
assert bank.total(accts) == 300
