# show: the same withdrawals under the account's own lock (`with self.lock:`) never overdraw
# expect: pass
class Account:
    def __init__(self, balance):
        self.balance = balance
        self.lock = Lock()

    def withdraw(self, amount):
        with self.lock:
            if self.balance >= amount:
                self.balance -= amount
                return True
            return False


acct = Account(100)
h = spawn(acct.withdraw, 80)
ok = acct.withdraw(80)
other = join(h)
assert acct.balance == 20, acct.balance
assert ok != other, (ok, other)
