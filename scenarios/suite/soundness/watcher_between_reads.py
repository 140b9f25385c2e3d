# show: (eml) a watcher reads two accounts with a call between; a transfer runs exclusive in between
# expect: violation assertion
import bank
accts = [10, 10]
def helper():
    return 0
def watch():
    a = accts[0]
    helper()
    b = accts[1]
    assert a + b == 20, (a, b)
h = spawn(watch)
bank.transfer(accts, 0, 1, 3)
join(h)
