# import a, b; import m as n; from m import x, y as z; the names they bind.
import gc, bank as accounts
from counter import incr
from bank import transfer as move, total
balances = [10, 0]
move(balances, 0, 1, 4)
accounts.transfer(balances, 1, 0, 1)
print(balances, total(balances))
hits = [0]
for _ in range(3):
    incr(hits, 0)
print(hits, gc.collect() >= 0)
from gc import (
    collect,
)
print(collect() >= 0)
# --- expected (CPython 3.11; EMLAB_BLESS=1 cargo test -p emlab --test differential) ---
# exit: 0
# stdout:
# | [7, 3] 10
# | [3] True
# | True
