# Keyword arguments, default values, keyword-only parameters, print(sep=, end=), __name__.
def worker(name, count=3, step=1):
    total = 0
    for i in range(0, count * step, step):
        total += i
    return name + ": " + str(total)

print(worker("a"))
print(worker("b", 4))
print(worker("c", step=2))
print(worker(count=2, name="d"))
print(worker("e", step=3, count=5))

# A default is evaluated once, when the def runs, and shared by every call.
def remember(item, seen=[]):
    seen.append(item)
    return seen

print(remember(1), remember(2))
limit = 10
def capped(v, cap=limit):
    return min(v, cap)
limit = 99
print(capped(50), capped(50, cap=limit))

def connect(host, port=80, *, timeout=None, retries):
    return [host, port, timeout, retries]

print(connect("example", retries=2))
print(connect("example", 8080, retries=0, timeout=5))

print("a", "b", "c", sep=", ")
print("no newline", end="")
print(" ... then one", end="\n")
print(1, 2, 3, sep="")
print("x", sep=None, end=None)
print(flush=True)
print()

def main():
    print("running as", __name__)

if __name__ == "__main__":
    main()
# --- expected (CPython 3.11; EMLAB_BLESS=1 cargo test -p emlab --test differential) ---
# exit: 0
# stdout:
# | a: 3
# | b: 6
# | c: 6
# | d: 1
# | e: 30
# | [1, 2] [1, 2]
# | 10 50
# | ['example', 80, None, 2]
# | ['example', 8080, 5, 0]
# | a, b, c
# | no newline ... then one
# | 123
# | x
# |
# |
# | running as __main__
