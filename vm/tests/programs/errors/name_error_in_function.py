# NameError raised inside a function for a global that was never assigned.
def use():
    return missing_global_value + 1

print("calling")
print(use())
