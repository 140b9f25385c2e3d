# UnboundLocalError: a local read before it is assigned (it shadows a global).
total = 10

def bump():
    total = total + 1
    return total

print(total)
print(bump())
