# Chained comparisons: each middle operand evaluated once, stopping at the first false one.
calls = []
def v(x):
    calls.append(x)
    return x

print(1 < 2 < 3, 1 < 3 < 2, 3 > 2 > 1 > 0, 1 == 1 == 1, 1 == 1 != 2)
print(v(1) < v(5) < v(3) < v(9), calls)
calls = []
print(v(5) < v(1) < v(9), calls)
low, high = 0, 10
for x in [-1, 0, 5, 10, 11]:
    print(x, low <= x < high, "a" < "b" <= "b" in ["b"])
print(not 1 < 2 < 3, 1 < 2 < 3 and 4 > 3 > 2, [1] == [1] is not None)
# --- expected (CPython 3.11; EMLAB_BLESS=1 cargo test -p emlab --test differential) ---
# exit: 0
# stdout:
# | True False True True True
# | False [1, 5, 3]
# | False [5, 1]
# | -1 False True
# | 0 True True
# | 5 True True
# | 10 False True
# | 11 False True
# | False True True
