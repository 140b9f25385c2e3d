# `for ... else` and `while ... else`: the else block runs when the loop ends without `break`
# (also when it never ran), not after a `break`; `continue` does not skip it.
def find(items, target):
    for i in range(len(items)):
        if items[i] == target:
            print("found at", i)
            break
    else:
        print("not found")


find([5, 6, 7], 6)
find([5, 6, 7], 8)
find([], 1)

n = 10
while n > 0:
    n -= 3
    if n == 100:
        break
else:
    print("while ended normally at", n)

n = 0
while n < 10:
    n += 1
    if n == 4:
        break
else:
    print("not printed")
print("n is", n)

for i in range(3):
    if i == 1:
        continue
else:
    print("continue does not skip else; i =", i)

for outer in range(3):
    for inner in range(3):
        if inner == outer == 1:
            break
    else:
        print("inner loop finished for", outer)
        continue
    print("broke out at", outer)
    break


def primes(limit):
    found = []
    for n in range(2, limit):
        for p in found:
            if n % p == 0:
                break
        else:
            found.append(n)
    return found


print(primes(30))
# --- expected (CPython 3.11; EMLAB_BLESS=1 cargo test -p emlab --test differential) ---
# exit: 0
# stdout:
# | found at 1
# | not found
# | not found
# | while ended normally at -2
# | n is 4
# | continue does not skip else; i = 2
# | inner loop finished for 0
# | broke out at 1
# | [2, 3, 5, 7, 11, 13, 17, 19, 23, 29]
