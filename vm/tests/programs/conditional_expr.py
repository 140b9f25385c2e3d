# x if c else y, nested and combined with other operators.
for n in range(-2, 3):
    print(n, "neg" if n < 0 else "zero" if n == 0 else "pos")
x = 5
print("big" if x > 3 else "small")
print(1 if [] else 2)
print(1 if [0] else 2)
print((10 if x else 20) + 1)
print(10 if x else 20 + 1)
y = None
print("none" if y is None else "some")
def sign(v):
    return -1 if v < 0 else (1 if v > 0 else 0)
print(sign(-9), sign(0), sign(9))
def pick(flag):
    print("pick", flag)
    return flag
print(pick("a") if True else pick("b"))
print(pick("a") if False else pick("b"))
lst = [1, 2, 3]
print(lst[0] if lst else None)
empty = []
print(empty[0] if empty else "empty")
print(not x if x > 100 else -x)
z = "yes" if x and y is None else "no"
print(z)
# --- expected (CPython 3.11; EMLAB_BLESS=1 cargo test -p emlab --test differential) ---
# exit: 0
# stdout:
# | -2 neg
# | -1 neg
# | 0 zero
# | 1 pos
# | 2 pos
# | big
# | 2
# | 1
# | 11
# | 10
# | none
# | -1 0 1
# | pick a
# | a
# | pick b
# | b
# | 1
# | empty
# | -5
# | yes
