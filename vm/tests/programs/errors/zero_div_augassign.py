# ZeroDivisionError from //= on a subscript.
vals = [8, 4, 0]
acc = [100]
for v in vals:
    print(acc[0])
    acc[0] //= v
