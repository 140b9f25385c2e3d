# show: setters that store the same value, and a checker
# expect: pass
done = [0, 0]
def set_a():
    done[0] = 1
def set_b():
    done[0] = 1
def check():
    assert done[0] in (0, 1)
hs = [spawn(set_a), spawn(set_b), spawn(check)]
for h in hs:
    join(h)
