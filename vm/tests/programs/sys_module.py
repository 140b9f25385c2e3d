# The sys module as threaded programs use it: the streams, argv, the switch interval.
import sys
import threading

sys.stdout.write("written ")
sys.stdout.write("directly\n")
print(sys.stdout.write("abc"), flush=True)
sys.stdout.writelines(["one\n", "two\n"])
sys.stdout.flush()
print(len(sys.argv), sys.argv[0].endswith("sys_module.py"), sys.maxsize, sys.byteorder)
print(sys.version_info[:2] >= (3, 8), sys.version_info[0], isinstance(sys.version, str))
old = sys.getswitchinterval()
sys.setswitchinterval(1e-6)
print(old, sys.getswitchinterval())
try:
    sys.setswitchinterval(0)
except ValueError as e:
    print("ValueError:", e)
print(sys.getrecursionlimit())
sys.setrecursionlimit(50)
print(sys.getrecursionlimit())


def depth(n):
    return 1 if n == 0 else 1 + depth(n - 1)


try:
    depth(100)
except RecursionError:
    print("RecursionError at limit 50")
sys.setrecursionlimit(1000)
print(depth(100))
try:
    sys.stdout.write(5)
except TypeError as e:
    print("TypeError:", e)
results = []


def worker(n):
    if n == 2:
        sys.exit()
    results.append(n)


threads = [threading.Thread(target=worker, args=(n,)) for n in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(sorted(results))
try:
    sys.exit(3)
except SystemExit as e:
    print("SystemExit", e.code, e.args)
print("bye")
sys.exit(0)
print("not reached")
# --- expected (CPython 3.11; EMLAB_BLESS=1 cargo test -p emlab --test differential) ---
# exit: 0
# stdout:
# | written directly
# | abc3
# | one
# | two
# | 1 True 9223372036854775807 little
# | True 3 True
# | 0.005 1e-06
# | ValueError: switch interval must be strictly positive
# | 1000
# | 50
# | RecursionError at limit 50
# | 101
# | TypeError: write() argument must be str, not int
# | [0, 1, 3]
# | SystemExit 3 (3,)
# | bye
