# A missing method is an AttributeError before the call's arguments are evaluated.
def f():
    print("arguments evaluated")
    return 1
x = [1]
x.append(f())
print(x)
x.nosuch(f())
