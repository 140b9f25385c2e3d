# show: check-then-act on a dict: both threads see the key missing and both create it
# expect: violation assertion
d = {}
created = [0]
def get_or_create(k):
    if k not in d:
        created[0] += 1
        d[k] = [k]
    return d[k]
h = spawn(get_or_create, 'x')
get_or_create('x')
join(h)
assert created[0] == 1, created[0]
