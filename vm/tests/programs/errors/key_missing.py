# KeyError: a missing str key (the message is the repr of the key).
d = {"a": 1, "b": 2}
print(d["a"])
print(d["missing"])
