# TypeError: 'int' object is not callable.
x = 3
print(x)
x()
