# Integer arithmetic in nested while/for loops.
total = 0
i = 0
while i < 3000:
    for j in range(1000):
        total = (total + i * j) % 1000003
    i += 1
print(total)
