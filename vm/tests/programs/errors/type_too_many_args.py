# TypeError: calling a def with too many positional arguments.
def add(a, b):
    return a + b

print(add(1, 2))
print(add(1, 2, 3))
