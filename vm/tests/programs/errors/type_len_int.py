# TypeError: object of type 'int' has no len().
print(len([1, 2]))
print(len(5))
