# Subscripts with positive and negative indices on list, tuple and str; subscript assignment.
lst = [10, 20, 30, 40, 50]
print(lst[0], lst[4], lst[-1], lst[-5], lst[-2])
t = ("a", "b", "c")
print(t[0], t[-1], t[-3], t[1])
s = "python"
print(s[0], s[-1], s[-6], s[3])
lst[-1] = 55
lst[0] = lst[-1] + 1
lst[-3] = "mid"
print(lst)
nested = [[1, 2], [3, [4, 5]]]
print(nested[-1][-1][-2], nested[0][-1])
nested[-1][-1][0] = "x"
print(nested)
words = ["alpha", "beta"]
print(words[-1][-1], words[0][0])
print((1, 2, 3)[-1], [4, 5][-2], "xyz"[-2])
i = -1
while i >= -len(s):
    print(i, s[i])
    i -= 2
d = {-1: "minus one", 0: "zero"}
print(d[-1], d[0])
m = [[0] * 3, [0] * 3]
m[-1][-1] = 9
m[0][-3] = 1
print(m)
# --- expected (CPython 3.11; EMLAB_BLESS=1 cargo test -p emlab --test differential) ---
# exit: 0
# stdout:
# | 10 50 50 10 40
# | a c a b
# | p n p h
# | [56, 20, 'mid', 40, 55]
# | 4 2
# | [[1, 2], [3, ['x', 5]]]
# | a a
# | 3 4 y
# | -1 n
# | -3 h
# | -5 y
# | minus one zero
# | [[1, 0, 0], [0, 0, 9]]
