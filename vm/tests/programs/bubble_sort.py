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
# --- expected (CPython 3.11; EMLAB_BLESS=1 cargo test -p emlab --test differential) ---
# exit: 0
# stdout:
# | -473 -236 234
# | 910
# | [-500, -485, -478, -473, -457, -393, -374, -368, -360, -358, -347, -290, -281, -281, -236, -234, -216, -187, -167, -166, -131, -120, -108, -66, -64, -63, -53, -50, -43, -41, -41, -9, 16, 20, 32, 44, 53, 59, 113, 170, 185, 188, 203, 203, 222, 234, 235, 243, 246, 252, 253, 258, 269, 300, 306, 365, 385, 393, 414, 481]
# | True
# | 10 ['alpha', 'alpha', 'bravo', 'charlie', 'delta', 'echo']
# | 0 0 3
