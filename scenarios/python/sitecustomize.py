"""emlab prelude for CPython.

emlab programs are plain Python 3 programs that use three extra builtins.
When this directory is on PYTHONPATH, CPython imports this module at startup
(``site`` imports ``sitecustomize``) and it installs those builtins, so that
CPython can run any emlab program unchanged and serve as the oracle for the
differential tests and the peer for benchmarks:

    PYTHONPATH=scenarios/python python3 prog.py

* ``spawn(f, *args)`` starts a ``threading.Thread`` running ``f(*args)`` and
  returns a handle for it.
* ``join(h)`` waits for that thread and returns ``f``'s result, or None when
  the thread ended with an uncaught exception. Such an exception is reported
  on stderr by threading's default excepthook ("Exception in thread ...") and
  the rest of the program carries on.
* ``Lock()`` is ``threading.Lock``: ``acquire()``, ``release()`` and ``with``.

Nothing else is changed: in particular the recursion limit stays CPython's
default (1000).
"""

import builtins
import threading


class _Handle:
    """What spawn returns: the thread and, once it has finished, f's result."""

    __slots__ = ("thread", "result")

    def __init__(self):
        self.thread = None
        self.result = None


def spawn(f, *args):
    """Start f(*args) on a new thread; return a handle for join."""
    handle = _Handle()

    def run():
        # If f raises, result stays None and threading's excepthook reports it.
        handle.result = f(*args)

    name = "spawn-" + getattr(f, "__name__", "f")
    handle.thread = threading.Thread(target=run, name=name)
    handle.thread.start()
    return handle


def join(handle):
    """Wait for the thread behind handle; return f's result (None if it raised)."""
    handle.thread.join()
    return handle.result


builtins.spawn = spawn
builtins.join = join
builtins.Lock = threading.Lock
