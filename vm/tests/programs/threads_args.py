# spawn with 0..4 positional args; threads share lists/dicts; results passed on.
def zero():
    return "zero"

def one(a):
    return [a]

def four(a, b, c, d):
    return a + b + c + d

def fill(lst, start, n):
    for i in range(start, start + n):
        lst[i] = i * i
    return n

print(join(spawn(zero)), join(spawn(one, 1)), join(spawn(four, 1, 2, 3, 4)))
print(join(spawn(four, "a", "b", "c", "d")))
print(join(spawn(four, [1], [2], [], [3])))

data = [0] * 40
hs = []
for k in range(4):
    hs.append(spawn(fill, data, k * 10, 10))
done = 0
for h in hs:
    done += join(h)
print(done, sum(data), data[0], data[39])

def stage(x):
    return x + 1

v = 0
for i in range(5):
    v = join(spawn(stage, v))
print(v)

def spawner(n):
    hs = []
    for i in range(n):
        hs.append(spawn(stage, i * 100))
    out = []
    for h in hs:
        out.append(join(h))
    return out

print(join(spawn(spawner, 3)))
# --- expected (CPython 3.11; EMLAB_BLESS=1 cargo test -p emlab --test differential) ---
# exit: 0
# stdout:
# | zero [1] 10
# | abcd
# | [1, 2, 3]
# | 40 20540 0 1521
# | 5
# | [1, 101, 201]
