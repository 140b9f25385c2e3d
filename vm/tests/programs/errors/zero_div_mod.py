# ZeroDivisionError from % ("integer modulo by zero" in CPython 3.11).
x = 17
for d in [5, 3, 1, 0]:
    print(x % d)
print("unreachable")
