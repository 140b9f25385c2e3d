# show: an uncaught error in a spawned thread is reported; join returns None
# expect: violation exception
def bad():
    return 1 // 0
h = spawn(bad)
assert join(h) is None
