# show: without exclusion a watcher sees a transfer half done
# expect: violation atomicity, assertion
# mode: nogil
import bank
accts = [100, 100]
def mover():
    bank.transfer(accts, 0, 1, 10)
h = spawn(mover)
t = bank.total(accts)
join(h)
assert t == 200, t
