# The OSError family (what a worker catches around I/O, and concurrent.futures' TimeoutError),
# the other built-in exceptions, and bin/oct/hex, id, delattr, ascii, exit/quit.
import concurrent.futures
import threading
import time

print(IOError is OSError, EnvironmentError is OSError, concurrent.futures.TimeoutError is TimeoutError)
for cls in [TimeoutError, ConnectionResetError, BrokenPipeError, FileNotFoundError, PermissionError,
            InterruptedError, EOFError, FloatingPointError, UnicodeError, UserWarning, DeprecationWarning,
            StopAsyncIteration, SystemError]:
    bases = [b.__name__ for b in (OSError, ConnectionError, ArithmeticError, ValueError, Warning, Exception)
             if issubclass(cls, b)]
    print(cls.__name__, bases)


def fetch(n):
    if n % 3 == 0:
        raise ConnectionRefusedError(f"host {n} refused")
    if n % 3 == 1:
        raise TimeoutError(n)
    return n


errors = []
lock = threading.Lock()


def worker(n):
    try:
        fetch(n)
    except ConnectionError as e:
        with lock:
            errors.append(("connection", str(e)))
    except OSError as e:
        with lock:
            errors.append((type(e).__name__, e.args))


threads = [threading.Thread(target=worker, args=(n,)) for n in range(5)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(sorted(errors))


def slow():
    time.sleep(0.2)
    return "done"


with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
    future = pool.submit(slow)
    try:
        future.result(timeout=0.01)
    except TimeoutError as e:
        print("timed out:", type(e).__name__, isinstance(e, OSError))
    print(future.result())


class Port:
    def __init__(self, n):
        self.n = n

    def __index__(self):
        return self.n


print(bin(10), bin(-10), oct(64), hex(255), hex(-1), hex(2 ** 64), bin(True), hex(Port(4096)), oct(Port(8)))
for bad in [lambda: bin(2.5), lambda: hex("ff"), lambda: oct(None)]:
    try:
        bad()
    except TypeError as e:
        print("TypeError:", e)

a, b = [], []
print(id(a) == id(a), id(a) != id(b), id(None) == id(None), id(7) == id(7), id(1) == id(1.0), id(a) > 0)
seen = {id(x) for x in [a, b, a]}
print(len(seen))


class Config:
    pass


cfg = Config()
cfg.debug = True
cfg.level = 3
delattr(cfg, "debug")
print(hasattr(cfg, "debug"), cfg.level)
for bad in [lambda: delattr(cfg, "debug"), lambda: delattr(cfg, 3)]:
    try:
        bad()
    except (AttributeError, TypeError) as e:
        print(type(e).__name__ + ":", e)

print(ascii("café ☕"), ascii(["naïve", 1]), ascii("plain"), ascii("\U0001f600"))
try:
    exit(3)
except SystemExit as e:
    print("exit:", e.code)
try:
    quit()
except SystemExit as e:
    print("quit:", e.code)
# --- expected (CPython 3.11; EMLAB_BLESS=1 cargo test -p emlab --test differential) ---
# exit: 0
# stdout:
# | True True True
# | TimeoutError ['OSError', 'Exception']
# | ConnectionResetError ['OSError', 'ConnectionError', 'Exception']
# | BrokenPipeError ['OSError', 'ConnectionError', 'Exception']
# | FileNotFoundError ['OSError', 'Exception']
# | PermissionError ['OSError', 'Exception']
# | InterruptedError ['OSError', 'Exception']
# | EOFError ['Exception']
# | FloatingPointError ['ArithmeticError', 'Exception']
# | UnicodeError ['ValueError', 'Exception']
# | UserWarning ['Warning', 'Exception']
# | DeprecationWarning ['Warning', 'Exception']
# | StopAsyncIteration ['Exception']
# | SystemError ['Exception']
# | [('TimeoutError', (1,)), ('TimeoutError', (4,)), ('connection', 'host 0 refused'), ('connection', 'host 3 refused')]
# | timed out: TimeoutError True
# | done
# | 0b1010 -0b1010 0o100 0xff -0x1 0x10000000000000000 0b1 0x1000 0o10
# | TypeError: 'float' object cannot be interpreted as an integer
# | TypeError: 'str' object cannot be interpreted as an integer
# | TypeError: 'NoneType' object cannot be interpreted as an integer
# | True True True True False True
# | 2
# | False 3
# | AttributeError: 'Config' object has no attribute 'debug'
# | TypeError: attribute name must be string, not 'int'
# | 'caf\xe9 \u2615' ['na\xefve', 1] 'plain' '\U0001f600'
# | exit: 3
# | quit: None
