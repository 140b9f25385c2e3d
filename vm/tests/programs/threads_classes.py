# Threads that share objects of the program's classes: a lock kept as an attribute, methods run
# by spawned threads, bound methods as thread entries, results collected in an instance.
class Account:
    def __init__(self, owner, balance):
        self.owner = owner
        self.balance = balance
        self.lock = Lock()

    def deposit(self, amount):
        with self.lock:
            self.balance += amount

    def withdraw(self, amount):
        with self.lock:
            if self.balance < amount:
                return False
            self.balance -= amount
            return True


class Ledger:
    def __init__(self):
        self.entries = []
        self.lock = Lock()

    def record(self, who, what):
        with self.lock:
            self.entries.append((who, what))


acct = Account("ann", 100)
ledger = Ledger()


def worker(name, rounds):
    for i in range(rounds):
        acct.deposit(10)
        if acct.withdraw(5):
            ledger.record(name, i)


threads = []
for name in ["t1", "t2", "t3"]:
    threads.append(spawn(worker, name, 4))
for t in threads:
    join(t)
print(acct.owner, acct.balance, len(ledger.entries))

counts = {}
for who, what in ledger.entries:
    counts[who] = counts.get(who, 0) + 1
print(counts["t1"], counts["t2"], counts["t3"])

h = spawn(acct.deposit, 1000)
join(h)
print(acct.balance)
# --- expected (CPython 3.11; EMLAB_BLESS=1 cargo test -p emlab --test differential) ---
# exit: 0
# stdout:
# | ann 160 12
# | 4 4 4
# | 1160
