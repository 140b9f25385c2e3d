# TypeError: unsupported operand type(s) for +: 'int' and 'str'.
n = 5
s = "five"
print(n, s)
print(n + s)
