# show: a `for` loop over a shared list may run to its end before another thread writes it: a loop's back-edge gives way only when it spins
# expect: violation assertion
x = [0, 0]
def writer():
    x[1] = 2
h = spawn(writer)
for v in x:
    pass
seen = x[1]
join(h)
assert seen == 2, seen
