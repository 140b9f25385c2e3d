# Exception classes the program defines: a hierarchy under Exception, extra attributes set in
# __init__, super().__init__ with a message, raising the class itself, catching by base class,
# str/repr/args, and a class that overrides __str__.
class BankError(Exception):
    pass


class InsufficientFunds(BankError):
    def __init__(self, needed, available):
        super().__init__("need " + str(needed) + ", have " + str(available))
        self.needed = needed
        self.available = available


class AccountLocked(BankError):
    def __str__(self):
        return "account is locked"


class Account:
    def __init__(self, balance):
        self.balance = balance
        self.locked = False

    def withdraw(self, amount):
        if self.locked:
            raise AccountLocked()
        if amount > self.balance:
            raise InsufficientFunds(amount, self.balance)
        self.balance -= amount
        return self.balance


acct = Account(100)
for amount in [30, 200, 50]:
    try:
        print("left:", acct.withdraw(amount))
    except InsufficientFunds as e:
        print("refused:", e, "| short by", e.needed - e.available, "| args:", e.args)
acct.locked = True
try:
    acct.withdraw(1)
except BankError as e:
    print("bank error:", type(e).__name__, "-", e, "-", repr(e))

errors = [InsufficientFunds(5, 1), AccountLocked(), BankError("plain"), ValueError("other")]
for err in errors:
    try:
        raise err
    except (AccountLocked, InsufficientFunds) as e:
        print("specific", type(e).__name__, isinstance(e, BankError), isinstance(e, Exception))
    except BankError as e:
        print("general", e, e.args)
    except Exception as e:
        print("anything", type(e).__name__, e)

try:
    raise BankError
except BankError as e:
    print("raised the class:", repr(e), e.args)

try:
    try:
        raise InsufficientFunds(10, 0)
    except BankError:
        print("handling, then re-raising")
        raise
except InsufficientFunds as e:
    print("outer got", e.needed)


class Retry(RuntimeError):
    def __init__(self, attempts, *rest):
        super().__init__(attempts, *rest)
        self.attempts = attempts


try:
    raise Retry(3, "slow")
except RuntimeError as e:
    print(e, e.attempts, e.args, issubclass(Retry, RuntimeError), issubclass(Retry, ValueError))
# --- expected (CPython 3.11; EMLAB_BLESS=1 cargo test -p emlab --test differential) ---
# exit: 0
# stdout:
# | left: 70
# | refused: need 200, have 70 | short by 130 | args: ('need 200, have 70',)
# | left: 20
# | bank error: AccountLocked - account is locked - AccountLocked()
# | specific InsufficientFunds True True
# | specific AccountLocked True True
# | general plain ('plain',)
# | anything ValueError other
# | raised the class: BankError() ()
# | handling, then re-raising
# | outer got 10
# | (3, 'slow') 3 (3, 'slow') True False
