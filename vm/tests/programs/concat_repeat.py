# + concatenates str, list and tuple; * repeats str and list by an int (either side).
print("ab" + "cd", "" + "x", "x" + "")
print([1, 2] + [3], [] + [], [1] + [])
print((1,) + (2, 3), () + (), (1, 2) + ())
print("ab" * 3, 3 * "ab", "ab" * 0, "ab" * -2)
print([0] * 4, 4 * [0], [1, 2] * 2, [1] * 0, [1] * -1)
print("-" * 20)
a = [1, 2]
b = a + [3]
print(a, b, a is b)
c = a * 2
c[0] = 99
print(a, c)
grid = [[0] * 3] * 2
grid[0][0] = 5
print(grid)
row = "=" * 3 + "|" + "." * 2
print(row)
t = (1, 2) + (3,) + (4, 5)
print(t, len(t))
s = ""
for i in range(5):
    s = s + str(i) * i
print(s)
print(len("abc" * 100))
print(["a", "b"] + ["c"] * 2)
print((2 + 1) * "x" + "y" * 2)
n = -3
print("z" * n == "", [7] * n == [])
print([[]] * 3)
# --- expected (CPython 3.11; EMLAB_BLESS=1 cargo test -p emlab --test differential) ---
# exit: 0
# stdout:
# | abcd x x
# | [1, 2, 3] [] [1]
# | (1, 2, 3) () (1, 2)
# | ababab ababab  
# | [0, 0, 0, 0] [0, 0, 0, 0] [1, 2, 1, 2] [] []
# | --------------------
# | [1, 2] [1, 2, 3] False
# | [1, 2] [99, 2, 1, 2]
# | [[5, 0, 0], [5, 0, 0]]
# | ===|..
# | (1, 2, 3, 4, 5) 5
# | 1223334444
# | 300
# | ['a', 'b', 'c', 'c']
# | xxxyy
# | True True
# | [[], [], []]
