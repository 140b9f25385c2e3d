# show: a `for` loop may run to its end before a writer runs while a third thread spins: an iteration of the spin that only read and repeated its state cuts the run short, and the threads that could have run in its place must be tried there
# expect: violation assertion
x = [0, 0]
flag = [0]
def waiter():
    while flag[0] == 0:
        pass
def writer():
    x[1] = 3
h1 = spawn(waiter)
h2 = spawn(writer)
for v in x:
    pass
last = x[1]
flag[0] = 1
join(h1)
join(h2)
assert last == 3, last
