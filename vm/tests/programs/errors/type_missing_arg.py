# TypeError: calling a def with a missing positional argument.
def area(w, h):
    return w * h

print(area(3, 4))
print(area(3))
