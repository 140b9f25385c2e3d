# show: a loop without a safepoint never parks, so a collection waits for it forever
# expect: violation step-limit
# inject: no-safepoint-backedge
# schedulers: random pct dfs
import gc
running = Lock()
running.acquire()
flag = [0]
def spin():
    running.release()
    while flag[0] == 0:
        pass
h = spawn(spin)
running.acquire()
gc.collect()
flag[0] = 1
join(h)
