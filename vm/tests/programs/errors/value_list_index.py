# ValueError: list.index of an item that is not in the list.
lst = [3, 1, 4]
print(lst.index(4))
print(lst.index(5))
