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
