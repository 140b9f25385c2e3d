# show: a thread waiting for a flag nobody sets runs out of steps (a hang)
# expect: violation step-limit
# schedulers: random pct dfs
flag = [0]
def helper():
    return 1
h = spawn(helper)
join(h)
while flag[0] == 0:
    pass
