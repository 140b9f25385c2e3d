# break, continue and pass in for and while loops (incl. nested loops).
for i in range(10):
    if i == 2:
        continue
    if i == 6:
        break
    print("i", i)
for i in range(3):
    for j in range(3):
        if j == 1:
            break
        print("pair", i, j)
found = None
for x in [4, 8, 15, 16, 23, 42]:
    if x % 2 == 1:
        found = x
        break
print("first odd", found)
for x in range(4):
    pass
print("x after pass loop", x)
def nothing():
    pass
print(nothing())
if True:
    pass
else:
    pass
n = 0
while n < 20:
    n += 1
    if n % 3:
        continue
    if n > 12:
        break
    print("mult of 3", n)
evens = []
for ch in "a1b2c3":
    if ch in "abc":
        continue
    evens.append(ch)
print(evens)
# --- expected (CPython 3.11; EMLAB_BLESS=1 cargo test -p emlab --test differential) ---
# exit: 0
# stdout:
# | i 0
# | i 1
# | i 3
# | i 4
# | i 5
# | pair 0 0
# | pair 1 0
# | pair 2 0
# | first odd 15
# | x after pass loop 3
# | None
# | mult of 3 3
# | mult of 3 6
# | mult of 3 9
# | mult of 3 12
# | ['1', '2', '3']
