# Bubble sort and selection sort of ints and strings; count swaps.
def bubble(lst):
    swaps = 0
    n = len(lst)
    for i in range(n):
        changed = False
        for j in range(n - 1 - i):
            if lst[j] > lst[j + 1]:
                tmp = lst[j]
                lst[j] = lst[j + 1]
                lst[j + 1] = tmp
                swaps += 1
                changed = True
        if not changed:
            break
    return swaps

def selection(lst):
    n = len(lst)
    for i in range(n):
        m = i
        for j in range(i + 1, n):
            if lst[j] < lst[m]:
                m = j
        a, b = lst[i], lst[m]
        lst[i] = b
        lst[m] = a
    return lst

def lcg_list(seed, n):
    out = []
    x = seed
    for i in range(n):
        x = (x * 1103515245 + 12345) % 2147483648
        out.append(x % 1000 - 500)
    return out

data = lcg_list(42, 60)
copy = list(data)
print(data[0], data[1], data[-1])
print(bubble(data))
print(data)
print(selection(copy) == data)
words = ["delta", "alpha", "echo", "charlie", "bravo", "alpha"]
print(bubble(words), words)
print(bubble([1, 2, 3]), bubble([]), bubble([3, 2, 1]))
