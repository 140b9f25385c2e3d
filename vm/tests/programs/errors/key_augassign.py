# KeyError from += on a dict entry that does not exist yet (int key).
counts = {1: 0}
counts[1] += 1
print(counts)
counts[2] += 1
