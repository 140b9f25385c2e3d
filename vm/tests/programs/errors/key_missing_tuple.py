# KeyError with a tuple key: the message is the tuple's repr.
grid = {(0, 0): "origin"}
print(grid[(0, 0)])
print(grid[(1, "x")])
