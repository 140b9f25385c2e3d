# The same for a view: removing a key while iterating over items().
d = {1: "a", 2: "b", 3: "c"}
for k, v in d.items():
    print(k, v)
    d.pop(3)
