# AttributeError: 'list' object has no attribute 'frobnicate'.
lst = [1]
lst.append(2)
print(lst)
lst.frobnicate()
