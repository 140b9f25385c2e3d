# Dict insertion and lookup with str and int keys.
words = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta"]
counts = {}
for i in range(200000):
    w = words[i % 8]
    counts[w] = counts.get(w, 0) + 1
squares = {}
for i in range(200000):
    squares[i] = i * i
total = 0
for i in range(200000):
    total += squares[i] % 7
print(counts["gamma"], total)
