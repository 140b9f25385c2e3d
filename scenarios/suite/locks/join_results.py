# show: join waits for a thread and returns its function's result
# expect: pass
def square(n):
    return n * n
h1 = spawn(square, 3)
h2 = spawn(square, 4)
assert join(h1) + join(h2) == 25
