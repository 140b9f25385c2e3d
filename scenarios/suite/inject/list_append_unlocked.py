# show: an append that reads the length and writes the slot separately loses items
# expect: violation assertion
# inject: list-append-unlocked
items = []
def work(n):
    items.append(n)
h = spawn(work, 1)
work(2)
join(h)
assert len(items) == 2, items
