# show: a two-stage update (a, then b) is seen half done by a reader
# expect: violation assertion
state = [0, 0]
seen = [True]
def writer():
    state[0] = 1
    state[1] = 1
def reader():
    a = state[0]
    b = state[1]
    if a != b:
        seen[0] = False
h = spawn(writer)
reader()
join(h)
assert seen[0], 'reader saw a half-done update'
