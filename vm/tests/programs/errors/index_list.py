# IndexError: list index out of range (negative index past the start).
lst = [1, 2, 3]
print(lst[-3])
print(lst[-4])
