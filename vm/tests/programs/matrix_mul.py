# Matrix multiply, transpose, identity and power with lists of lists.
def zeros(n, m):
    out = []
    for i in range(n):
        out.append([0] * m)
    return out

def matmul(a, b):
    n = len(a)
    m = len(b[0])
    k = len(b)
    c = zeros(n, m)
    for i in range(n):
        for j in range(m):
            s = 0
            for t in range(k):
                s += a[i][t] * b[t][j]
            c[i][j] = s
    return c

def transpose(a):
    out = zeros(len(a[0]), len(a))
    for i in range(len(a)):
        for j in range(len(a[0])):
            out[j][i] = a[i][j]
    return out

def identity(n):
    m = zeros(n, n)
    for i in range(n):
        m[i][i] = 1
    return m

a = [[1, 2, 3], [4, 5, 6]]
b = [[7, 8], [9, 10], [11, 12]]
print(matmul(a, b))
print(transpose(a))
print(matmul(a, identity(3)) == a)
fibm = [[1, 1], [1, 0]]
p = identity(2)
for i in range(40):
    p = matmul(p, fibm)
print(p)
big = zeros(12, 12)
for i in range(12):
    for j in range(12):
        big[i][j] = (i * 12 + j) % 7 - 3
sq = matmul(big, transpose(big))
print(sq[0], sq[11][11])
trace = 0
for i in range(12):
    trace += sq[i][i]
print(trace)
# --- expected (CPython 3.11; EMLAB_BLESS=1 cargo test -p emlab --test differential) ---
# exit: 0
# stdout:
# | [[58, 64], [139, 154]]
# | [[1, 4], [2, 5], [3, 6]]
# | True
# | [[165580141, 102334155], [102334155, 63245986]]
# | [43, -17, -21, 17, 6, -26, -2, 43, -17, -21, 17, 6] 51
# | 574
