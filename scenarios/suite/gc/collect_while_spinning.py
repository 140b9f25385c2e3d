# show: a collection parks a thread that is busy in a loop at its next back-edge
# expect: pass
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
