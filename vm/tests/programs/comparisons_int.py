# Comparisons on ints (and bools/None for ==): == != < <= > >=.
print(1 == 1, 1 == 2, 1 != 2, 1 != 1)
print(1 < 2, 2 < 1, 2 < 2)
print(1 <= 2, 2 <= 2, 3 <= 2)
print(2 > 1, 1 > 2, 2 > 2)
print(2 >= 1, 2 >= 2, 1 >= 2)
print(-5 < -3, -3 < -5, -1 < 0, 0 < -1)
print(9223372036854775807 > -9223372036854775807)
print(0 == -0)
print(1 == True, 0 == False, 2 == True)
print(None == None, None != None, None == 0, None == False)
print(1 == "1", "1" != 1)
print([1] == 1, (1,) == [1])
vals = [3, -1, 0, 7, -8]
smallest = vals[0]
for v in vals:
    if v < smallest:
        smallest = v
print(smallest)
x = 5
print(x > 3 and x < 10)
print(not x == 5, not x != 5)
print(1 + 1 == 2, 2 * 3 > 5)
print((1 < 2) == True)
r = 3 > 2
print(r, not r)
# --- expected (CPython 3.11; EMLAB_BLESS=1 cargo test -p emlab --test differential) ---
# exit: 0
# stdout:
# | True False True False
# | True False False
# | True True False
# | True False False
# | True True False
# | True False True False
# | True
# | True
# | True True False
# | True False False False
# | False True
# | False False
# | -8
# | True
# | False True
# | True True
# | True
# | True False
