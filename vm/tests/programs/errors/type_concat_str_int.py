# TypeError: can only concatenate str (not "int") to str.
label = "count: "
print(label + str(3))
print(label + 3)
