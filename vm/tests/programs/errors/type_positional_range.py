# Too many positional arguments for a function with defaults: "from 1 to 2".
def wait(event, timeout=None):
    return timeout

print(wait("e"), wait("e", 1))
wait("e", 1, 2)
# --- expected (CPython 3.11; EMLAB_BLESS=1 cargo test -p emlab --test differential) ---
# exit: 1
# stderr ends: TypeError: wait() takes from 1 to 2 positional arguments but 3 were given
# stdout:
# | None 1
