# Adding a key while a for loop iterates over the dict is a RuntimeError.
d = {1: "a", 2: "b"}
seen = []
for k in d:
    seen.append(k)
    d[k + 10] = "c"
print(seen)
