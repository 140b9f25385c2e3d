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
