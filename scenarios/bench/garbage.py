# Allocation pressure: three million short-lived containers; the collector must keep memory flat.
total = 0
for i in range(1000000):
    pair = [i, (i, i + 1)]
    d = {"k": pair}
    total += len(d["k"])
print(total)
