# TypeError: '<' not supported between instances of 'str' and 'int'.
print(1 < 2, "a" < "b")
print("a" < 1)
