# show: (gil) the holder is switched out at its interval tick, between two reads of one cell (random needs ~3,000 schedules; loom splits no tick)
# expect: violation assertion
# schedulers: pct dfs dpor
# mode: gil
flag = [0]
def setter():
    flag[0] = 1
def reader():
    a = 1
    b = 2
    c = 3
    d = 4
    e = 5
    before = flag[0]
    after = flag[0]
    assert before == after
s = spawn(setter)
r = spawn(reader)
join(s)
join(r)
