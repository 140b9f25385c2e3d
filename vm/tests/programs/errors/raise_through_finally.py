# An uncaught exception runs every finally on its way out, and its traceback shows where it
# was raised, not where a finally handed it on.
def load(name):
    raise ValueError("cannot load " + name)

def run():
    try:
        load("config")
    finally:
        print("run: cleanup")

try:
    run()
finally:
    print("main: cleanup")
# --- expected (CPython 3.11; EMLAB_BLESS=1 cargo test -p emlab --test differential) ---
# exit: 1
# stderr ends: ValueError: cannot load config
# stdout:
# | run: cleanup
# | main: cleanup
