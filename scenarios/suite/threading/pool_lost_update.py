# show: a thread pool's tasks add to a shared total without a lock: two read the same total and one addition is lost
# expect: violation assertion
# schedulers: pct
# iterations: 20000
from concurrent.futures import ThreadPoolExecutor

total = [0]


def add(n):
    total[0] += n


with ThreadPoolExecutor(max_workers=2) as pool:
    for n in (1, 2):
        pool.submit(add, n)
assert total[0] == 3, total
