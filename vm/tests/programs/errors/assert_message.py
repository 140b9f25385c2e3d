# AssertionError with a message built at run time.
def check(balance):
    assert balance >= 0, "negative balance: " + str(balance)
    return balance

print(check(5))
print(check(-7))
