# show: list.append is atomic: appends from three threads all land
# expect: pass
items = []
def work(n):
    items.append(n)
    items.append(n)
h1 = spawn(work, 1)
h2 = spawn(work, 2)
work(0)
join(h1)
join(h2)
assert len(items) == 6, len(items)
