# IndexError: pop index out of range.
lst = [1, 2, 3]
print(lst.pop(-3))
print(lst.pop(5))
