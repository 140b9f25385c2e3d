# bool is an int subtype in Python: arithmetic, ordering and sums with True/False.
print(True + True, True + 1, False + 0)
print(True * 5, 3 - True, -True, -False)
print(True // 1, 7 % True, 10 // (True + True))
print(True > False, False < True, True >= 1, False <= 0)
print(sum([True, True, False]), sum([1, True]))
print(abs(True), abs(-True), max(True, 0), min(False, 1))
print(int(True) + int(False))
count = 0
for v in [3, -1, 0, 7, -2]:
    count += v > 0
print(count)
print(["a", "b"][True], ("x", "y")[False])
print("ab" * True + "cd" * False)
print([0] * True, [1] * False)
# --- expected (CPython 3.11; EMLAB_BLESS=1 cargo test -p emlab --test differential) ---
# exit: 0
# stdout:
# | 2 2 0
# | 5 2 -1 0
# | 1 0 5
# | True True True True
# | 2 2
# | 1 1 True False
# | 1
# | 2
# | b x
# | ab
# | [0] []
