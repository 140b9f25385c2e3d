# show: two setters store different values; the last store wins, and a checker sees either
# expect: violation assertion
flag = [0]
def set_one():
    flag[0] = 1
def set_two():
    flag[0] = 2
hs = [spawn(set_one), spawn(set_two)]
for h in hs:
    join(h)
assert flag[0] == 2, flag
