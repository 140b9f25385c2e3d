# Threads move money between accounts under one Lock; the total is conserved.
accounts = [100, 100, 100, 100, 100]
lock = Lock()

def transfer_many(src, dst, amount, times):
    moved = 0
    for i in range(times):
        with lock:
            if accounts[src] >= amount:
                accounts[src] -= amount
                accounts[dst] += amount
                moved += amount
    return moved

def total():
    with lock:
        return sum(accounts)

print(total())
hs = []
hs.append(spawn(transfer_many, 0, 1, 3, 200))
hs.append(spawn(transfer_many, 1, 2, 5, 200))
hs.append(spawn(transfer_many, 2, 3, 7, 200))
hs.append(spawn(transfer_many, 3, 4, 2, 200))
moved = 0
for h in hs:
    moved += join(h)
print(total())
print(len(accounts), min(accounts) >= 0, moved > 0)
print(total() == 500)
# --- expected (CPython 3.11; EMLAB_BLESS=1 cargo test -p emlab --test differential) ---
# exit: 0
# stdout:
# | 500
# | 500
# | 5 True True
# | True
