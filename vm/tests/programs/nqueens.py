# N-queens by backtracking: count solutions for n = 1..7 and print the first 6x6 board.
def safe(cols, row, col):
    r = 0
    while r < row:
        c = cols[r]
        if c == col or abs(c - col) == row - r:
            return False
        r += 1
    return True

def solve(n, row, cols, out):
    if row == n:
        out.append(list(cols))
        return
    for col in range(n):
        if safe(cols, row, col):
            cols[row] = col
            solve(n, row + 1, cols, out)
            cols[row] = -1

def all_solutions(n):
    out = []
    solve(n, 0, [-1] * n, out)
    return out

counts = []
for n in range(1, 8):
    counts.append(len(all_solutions(n)))
print(counts)
first = all_solutions(6)[0]
print(first)
for c in first:
    print("." * c + "Q" + "." * (6 - c - 1))
# --- expected (CPython 3.11; EMLAB_BLESS=1 cargo test -p emlab --test differential) ---
# exit: 0
# stdout:
# | [1, 0, 0, 2, 10, 4, 40]
# | [1, 3, 5, 0, 2, 4]
# | .Q....
# | ...Q..
# | .....Q
# | Q.....
# | ..Q...
# | ....Q.
