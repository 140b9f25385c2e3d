# show: under the GIL, bank calls run with every other thread stopped
# expect: pass
# mode: gil
import bank
accts = [50, 50]
bad = [0]
def mover():
    bank.transfer(accts, 0, 1, 5)
def watcher():
    if bank.total(accts) != 100:
        bad[0] += 1
h1 = spawn(mover)
h2 = spawn(watcher)
bank.transfer(accts, 1, 0, 3)
join(h1)
join(h2)
assert bad[0] == 0
