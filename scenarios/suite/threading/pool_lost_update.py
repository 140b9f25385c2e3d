# show: a thread pool's tasks add to a shared total without a lock: two read the same total (one sleeps between its read and its write) and one addition is lost
# expect: violation assertion
# schedulers: pct
import time
from concurrent.futures import ThreadPoolExecutor

total = [0]


def add(n):
    current = total[0]
    time.sleep(0.001)
    total[0] = current + n


with ThreadPoolExecutor(max_workers=2) as pool:
    for n in (1, 2):
        pool.submit(add, n)
assert total[0] == 3, total
