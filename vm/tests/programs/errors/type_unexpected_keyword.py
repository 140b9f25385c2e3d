# A keyword the function has no parameter for (and no **kwargs to take it).
def start(target, daemon=False):
    return target

print(start("ok", daemon=True))
start("t", deamon=True)
# --- expected (CPython 3.11; EMLAB_BLESS=1 cargo test -p emlab --test differential) ---
# exit: 1
# stderr ends: TypeError: start() got an unexpected keyword argument 'deamon'
# stdout:
# | ok
