# KeyError from dict.pop with one argument on a missing key.
d = {"k": 1}
print(d.pop("k"))
print(d.pop("k", "default"))
print(d.pop("k"))
