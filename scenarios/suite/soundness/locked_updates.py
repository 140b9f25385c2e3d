# show: three threads each take one lock once: every order, and nothing lost
# expect: pass
total = [0]
guard = Lock()
def add(n):
    with guard:
        total[0] = total[0] + n
hs = [spawn(add, 1), spawn(add, 10), spawn(add, 100)]
for h in hs:
    join(h)
assert total[0] == 111, total
