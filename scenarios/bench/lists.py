# List building, indexing and item assignment.
def sieve(n):
    flags = [True] * (n + 1)
    flags[0] = False
    flags[1] = False
    p = 2
    while p * p <= n:
        if flags[p]:
            k = p * p
            while k <= n:
                flags[k] = False
                k += p
        p += 1
    count = 0
    for f in flags:
        if f:
            count += 1
    return count

def shuffle_sum(n):
    items = []
    for i in range(n):
        items.append((i * 7919) % n)
    s = 0
    for i in range(n):
        s += items[items[i]]
    return s

print(sieve(1000000))
print(shuffle_sum(300000))
