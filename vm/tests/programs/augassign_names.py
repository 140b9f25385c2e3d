# Augmented assignment on names: += -= *= //= %= on ints, strs, tuples.
x = 10
x += 5
print(x)
x -= 20
print(x)
x *= -3
print(x)
x //= 4
print(x)
x %= 5
print(x)
y = -17
y //= 5
print(y)
y = -17
y %= 5
print(y)
s = "ab"
s += "cd"
print(s)
s *= 2
print(s)
t = (1,)
t += (2, 3)
print(t)
total = 0
i = 1
while i <= 100:
    total += i
    i += 1
print(total)
n = 7
n *= n
n -= 1
print(n)
# --- expected (CPython 3.11; EMLAB_BLESS=1 cargo test -p emlab --test differential) ---
# exit: 0
# stdout:
# | 15
# | -5
# | 15
# | 3
# | 3
# | -4
# | 3
# | abcd
# | abcdabcd
# | (1, 2, 3)
# | 5050
# | 48
