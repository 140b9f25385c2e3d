# show: a loop without a safepoint never parks, so a collection waits for it forever
# expect: violation step-limit
# inject: no-safepoint-backedge
# schedulers: random pct dfs
# iterations: 5000
import gc
flag = [0]
def spin():
    while flag[0] == 0:
        pass
h = spawn(spin)
gc.collect()
flag[0] = 1
join(h)
