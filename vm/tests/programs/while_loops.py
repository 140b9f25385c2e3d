# while loops with counters, conditions, break and continue.
i = 0
while i < 5:
    print("i =", i)
    i += 1
n = 27
steps = 0
while n != 1:
    if n % 2 == 0:
        n = n // 2
    else:
        n = 3 * n + 1
    steps += 1
print("steps", steps)
k = 0
while True:
    k += 1
    if k > 100:
        break
    if k % 10 != 0:
        continue
    print("k", k)
print("after loop k =", k)
lst = [3, 1, 4, 1, 5]
while lst:
    print(lst.pop())
print(lst)
j = 10
while j:
    j -= 3
    if j < 0:
        break
print("j", j)
a = 0
while a < 3:
    b = 0
    while b < 3:
        if b == a:
            b += 1
            continue
        print(a, b)
        b += 1
    a += 1
# --- expected (CPython 3.11; EMLAB_BLESS=1 cargo test -p emlab --test differential) ---
# exit: 0
# stdout:
# | i = 0
# | i = 1
# | i = 2
# | i = 3
# | i = 4
# | steps 111
# | k 10
# | k 20
# | k 30
# | k 40
# | k 50
# | k 60
# | k 70
# | k 80
# | k 90
# | k 100
# | after loop k = 101
# | 5
# | 1
# | 4
# | 1
# | 3
# | []
# | j -2
# | 0 1
# | 0 2
# | 1 0
# | 1 2
# | 2 0
# | 2 1
