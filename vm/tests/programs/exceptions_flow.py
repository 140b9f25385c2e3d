# finally always runs: on return, break, continue and on the way out of an error; raise again.
def fetch(results, i):
    try:
        if i == 0:
            return "early"
        results.append(i)
    finally:
        results.append("cleanup " + str(i))
    return "late"

log = []
print(fetch(log, 0), fetch(log, 1), log)

def scan(values):
    seen = []
    for v in values:
        try:
            if v < 0:
                continue
            if v == 99:
                break
            seen.append(v)
        finally:
            seen.append("/")
    return seen

print(scan([1, -2, 3, 99, 5]))

def retry(attempts):
    tries = 0
    while True:
        tries += 1
        try:
            if tries < attempts:
                raise RuntimeError("flaky")
            return "ok after " + str(tries)
        except RuntimeError as e:
            print("attempt", tries, "failed:", e)

print(retry(3))

def wrapper():
    try:
        try:
            raise ValueError("inner")
        finally:
            print("inner finally")
    except ValueError as e:
        print("outer got", e)
        try:
            raise
        except ValueError:
            print("re-raised and caught again")
    return "wrapped"

print(wrapper())

# A lock taken by `with` is released when the body raises.
lock = Lock()
def guarded(fail):
    with lock:
        if fail:
            raise ValueError("inside the lock")
        return "fine"

for fail in [True, False, True]:
    try:
        print(guarded(fail))
    except ValueError as e:
        print("error:", e)
print("lock free again:", lock.acquire(), lock.release())

def translate(d, k):
    try:
        return d[k]
    except KeyError as e:
        raise ValueError("no such setting: " + str(e)) from e

try:
    translate({}, "mode")
except ValueError as e:
    print(e)

def swallow():
    for i in range(3):
        try:
            raise RuntimeError(i)
        except RuntimeError as e:
            if i == 1:
                return "stopped at " + str(e)
    return "never"

print(swallow())
# --- expected (CPython 3.11; EMLAB_BLESS=1 cargo test -p emlab --test differential) ---
# exit: 0
# stdout:
# | early late ['cleanup 0', 1, 'cleanup 1']
# | [1, '/', '/', 3, '/', '/']
# | attempt 1 failed: flaky
# | attempt 2 failed: flaky
# | ok after 3
# | inner finally
# | outer got inner
# | re-raised and caught again
# | wrapped
# | error: inside the lock
# | fine
# | error: inside the lock
# | lock free again: True None
# | no such setting: 'mode'
# | stopped at 1
