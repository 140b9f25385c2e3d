# IndexError: string index out of range.
s = "abc"
i = 0
while True:
    print(s[i])
    i += 1
