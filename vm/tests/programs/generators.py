# Generator functions and generator expressions: lazy items, send, yield from, close and throw.
def countdown(n):
    while n > 0:
        yield n
        n -= 1
    return "liftoff"


print(list(countdown(3)))
g = countdown(2)
print(next(g), next(g), next(g, "empty"))
g = countdown(1)
next(g)
try:
    next(g)
except StopIteration as e:
    print("StopIteration value:", e.value, e.args)


def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b


for i, f in zip(range(10), fib()):
    print(f, end=" ")
print()
print(sum(x * x for x in range(10)), max(len(w) for w in ["a", "bbb", "cc"]))
print(list(c.upper() for c in "hello" if c != "l"))
print(dict((k, v) for k, v in enumerate("xyz")))
print(sorted((n % 4 for n in range(9)), reverse=True))
print(any(n > 5 for n in range(10)), all(n < 5 for n in range(10)))
print([(i, j) for i, j in ((a, a * a) for a in range(4))])


def running_average():
    total, count, average = 0.0, 0, None
    while True:
        value = yield average
        if value is None:
            return count
        total += value
        count += 1
        average = total / count


avg = running_average()
next(avg)
print(avg.send(10), avg.send(20), avg.send(60))
try:
    avg.send(None)
except StopIteration as e:
    print("averaged", e.value, "values")


def chunks(items, size):
    for start in range(0, len(items), size):
        chunk = []
        for item in [items[k] for k in range(start, min(start + size, len(items)))]:
            chunk.append(item)
        yield chunk


def flatten(nested):
    for item in nested:
        if isinstance(item, list):
            yield from flatten(item)
        else:
            yield item


print(list(chunks([1, 2, 3, 4, 5], 2)))
print(list(flatten([1, [2, [3, 4], 5], [[6]]])))


def inner():
    yield "a"
    yield "b"
    return "inner done"


def outer():
    result = yield from inner()
    yield result


print(list(outer()))


def resource(name, log):
    log.append("open " + name)
    try:
        yield name
        yield name + "!"
    finally:
        log.append("close " + name)


log = []
r = resource("file", log)
print(next(r))
r.close()
r.close()
print(log)
for value in resource("db", log):
    print(value)
print(log)


def tolerant():
    while True:
        try:
            x = yield
            print("got", x)
        except ValueError as e:
            print("recovered from", e)


t = tolerant()
next(t)
t.send(1)
t.throw(ValueError("bad input"))
t.send(2)
try:
    t.throw(KeyError("k"))
except KeyError as e:
    print("KeyError passed through:", e)
print(next(t, "finished"))


class Tree:
    def __init__(self, value, children=()):
        self.value = value
        self.children = list(children)

    def __iter__(self):
        yield self.value
        for child in self.children:
            yield from child


tree = Tree(1, [Tree(2, [Tree(3)]), Tree(4)])
print(list(tree), sum(tree), 3 in tree)


def squares():
    for i in range(3):
        received = yield i * i
        if received:
            print("received", received)


s = squares()
print(next(s), s.send("hi"), next(s))
gen = (n for n in range(3))
print(list(gen), list(gen))
a, b, c = (x * 10 for x in range(3))
print(a, b, c)


def first_word(lines):
    for line in lines:
        for word in line.split():
            return word
    return None


def words(lines):
    for line in lines:
        yield from line.split()


print(first_word(["", "hello world"]), list(words(["a b", "c"])))


def stubborn():
    try:
        yield 1
    except GeneratorExit:
        yield 2


st = stubborn()
next(st)
try:
    st.close()
except RuntimeError as e:
    print("RuntimeError:", e)


def broken():
    yield 1
    raise StopIteration("early")


try:
    list(broken())
except RuntimeError as e:
    print("RuntimeError:", e)
fresh = countdown(3)
try:
    fresh.send(5)
except TypeError as e:
    print("TypeError:", e)
# --- expected (CPython 3.11; EMLAB_BLESS=1 cargo test -p emlab --test differential) ---
# exit: 0
# stdout:
# | [3, 2, 1]
# | 2 1 empty
# | StopIteration value: liftoff ('liftoff',)
# | 0 1 1 2 3 5 8 13 21 34 
# | 285 3
# | ['H', 'E', 'O']
# | {0: 'x', 1: 'y', 2: 'z'}
# | [3, 3, 2, 2, 1, 1, 0, 0, 0]
# | True False
# | [(0, 0), (1, 1), (2, 4), (3, 9)]
# | 10.0 15.0 30.0
# | averaged 3 values
# | [[1, 2], [3, 4], [5]]
# | [1, 2, 3, 4, 5, 6]
# | ['a', 'b', 'inner done']
# | file
# | ['open file', 'close file']
# | db
# | db!
# | ['open file', 'close file', 'open db', 'close db']
# | got 1
# | recovered from bad input
# | got 2
# | KeyError passed through: 'k'
# | finished
# | [1, 2, 3, 4] 10 True
# | received hi
# | 0 1 4
# | [0, 1, 2] []
# | 0 10 20
# | hello ['a', 'b', 'c']
# | RuntimeError: generator ignored GeneratorExit
# | RuntimeError: generator raised StopIteration
# | TypeError: can't send non-None value to a just-started generator
