# A thread that joins itself gets a RuntimeError (in CPython too); the program goes on.
gate = Lock()
gate.acquire()
hs = []
def f():
    with gate:
        pass
    join(hs[0])
    print('not reached')
hs.append(spawn(f))
gate.release()
print(join(hs[0]))
print('after')
# --- expected (CPython 3.11; EMLAB_BLESS=1 cargo test -p emlab --test differential) ---
# exit: 0
# stdout:
# | None
# | after
