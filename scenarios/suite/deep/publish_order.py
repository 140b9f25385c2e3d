# show: two setters publish in an order two checkers rely on; one interleaving of all four breaks it (dfs and loom use up their budgets before they reach it)
# expect: violation assertion
# schedulers: random pct dpor
data = [0]
ready = [0]
def set_data():
    data[0] = 1
def set_ready():
    ready[0] = 1
def check_ready():
    if ready[0] == 1:
        assert data[0] == 1, 'ready before data'
def check_data():
    d = data[0]
    assert d == 0 or d == 1
h1 = spawn(set_ready)
h2 = spawn(check_ready)
h3 = spawn(check_data)
set_data()
join(h1)
join(h2)
join(h3)
