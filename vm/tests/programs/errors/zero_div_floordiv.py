# ZeroDivisionError from // (inside a function).
def ratio(a, b):
    return a // b

print(ratio(10, 3))
print(ratio(-10, 3))
print(ratio(1, 0))
print("unreachable")
