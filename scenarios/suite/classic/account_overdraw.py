# show: a class's check-then-act: two withdrawals both see the balance before either takes it
# expect: violation assertion
class Account:
    def __init__(self, balance):
        self.balance = balance

    def withdraw(self, amount):
        if self.balance >= amount:
            self.balance -= amount
            return True
        return False


acct = Account(100)
h = spawn(acct.withdraw, 80)
acct.withdraw(80)
join(h)
assert acct.balance >= 0, acct.balance
