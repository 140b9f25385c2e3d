# collections: a deque as a thread-safe work queue (append and popleft are single steps), word
# counts with Counter, grouping with defaultdict, records with namedtuple, and OrderedDict.
import threading
from collections import Counter, OrderedDict, defaultdict, deque, namedtuple

jobs = deque(range(100))
done = deque()


def worker():
    while True:
        try:
            job = jobs.popleft()
        except IndexError:
            return
        done.append(job * job)


threads = [threading.Thread(target=worker) for _ in range(3)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(len(done), sum(done), len(jobs), bool(jobs))

d = deque([1, 2, 3])
d.append(4)
d.appendleft(0)
d.extend([5, 6])
d.extendleft("ab")
print(d, len(d), d[0], d[-1], 3 in d, d.count(3), d.index(3))
d.rotate(2)
print(d)
d.rotate(-3)
print(d, d.pop(), d.popleft(), d)
d.remove(3)
d.reverse()
d[0] = "first"
del d[1]
print(d, list(reversed(d)), d == deque(d), d.copy())
recent = deque(maxlen=3)
for i in range(6):
    recent.append(i)
print(recent, recent.maxlen)
recent.appendleft(-1)
print(recent)
for bad in [lambda: deque().pop(), lambda: deque().popleft(), lambda: deque([1]).remove(2), lambda: deque([1])[5]]:
    try:
        bad()
    except (IndexError, ValueError) as e:
        print(type(e).__name__, e)

text = "the quick brown fox jumps over the lazy dog the end"
words = Counter(text.split())
print(words.most_common(2), words["the"], words["cat"], len(words), words.total())
letters = Counter("mississippi")
print(letters, sorted(letters.elements()))
letters.update("sip")
letters.subtract({"s": 5})
letters["z"] += 1
print(letters, "z" in letters, Counter(a=2, b=1) == Counter({"b": 1, "a": 2}), Counter())

by_length = defaultdict(list)
for word in text.split():
    by_length[len(word)].append(word)
print(sorted(by_length.items()), by_length[99], 99 in by_length, len(by_length))
tally = defaultdict(int)
lock = threading.Lock()


def count_words(part):
    for word in part:
        with lock:
            tally[word] += 1


parts = [text.split()[:5], text.split()[5:]]
threads = [threading.Thread(target=count_words, args=(p,)) for p in parts]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(sorted(tally.items()), defaultdict(list, {"a": [1]}))
try:
    defaultdict()["missing"]
except KeyError as e:
    print("KeyError", e)

Point = namedtuple("Point", ["x", "y"])
Job = namedtuple("Job", "name priority done", defaults=[False])
p = Point(3, y=4)
print(p, p.x, p[1], p == (3, 4), tuple(p), list(p), len(p), Point._fields)
x, y = p
print(x + y, p._asdict(), p._replace(x=0), Point._make([5, 6]), Point)
jobs_list = sorted([Job("b", 2), Job("a", 2, True), Job("c", 1)], key=lambda j: (j.priority, j.name))
print(jobs_list, Job._field_defaults)
print(max([Point(1, 2), Point(1, 3), Point(0, 9)]))
for bad in [lambda: Point(1), lambda: Point(1, 2, 3), lambda: Point(1, z=2), lambda: namedtuple("P", "x x"), lambda: namedtuple("P", "_x")]:
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)

od = OrderedDict()
od["b"] = 1
od["a"] = 2
od["c"] = 3
od.move_to_end("b")
print(od, list(od), od.popitem(), od.popitem(last=False), od)
od["d"] = 4
od.move_to_end("d", last=False)
print(od, OrderedDict(x=1) == OrderedDict(x=1), OrderedDict())
# --- expected (CPython 3.11; EMLAB_BLESS=1 cargo test -p emlab --test differential) ---
# exit: 0
# stdout:
# | 100 328350 0 False
# | deque(['b', 'a', 0, 1, 2, 3, 4, 5, 6]) 9 b 6 True 1 5
# | deque([5, 6, 'b', 'a', 0, 1, 2, 3, 4])
# | deque([0, 1, 2, 3, 4, 5, 6]) b a deque([0, 1, 2, 3, 4, 5, 6])
# | deque(['first', 4, 2, 1, 0]) [0, 1, 2, 4, 'first'] True deque(['first', 4, 2, 1, 0])
# | deque([3, 4, 5], maxlen=3) 3
# | deque([-1, 3, 4], maxlen=3)
# | IndexError pop from an empty deque
# | IndexError pop from an empty deque
# | ValueError 2 is not in deque
# | IndexError deque index out of range
# | [('the', 3), ('quick', 1)] 3 0 9 11
# | Counter({'i': 4, 's': 4, 'p': 2, 'm': 1}) ['i', 'i', 'i', 'i', 'm', 'p', 'p', 's', 's', 's', 's']
# | Counter({'i': 5, 'p': 3, 'm': 1, 'z': 1, 's': 0}) True True Counter()
# | [(3, ['the', 'fox', 'the', 'dog', 'the', 'end']), (4, ['over', 'lazy']), (5, ['quick', 'brown', 'jumps'])] [] True 4
# | [('brown', 1), ('dog', 1), ('end', 1), ('fox', 1), ('jumps', 1), ('lazy', 1), ('over', 1), ('quick', 1), ('the', 3)] defaultdict(<class 'list'>, {'a': [1]})
# | KeyError 'missing'
# | Point(x=3, y=4) 3 4 True (3, 4) [3, 4] 2 ('x', 'y')
# | 7 {'x': 3, 'y': 4} Point(x=0, y=4) Point(x=5, y=6) <class '__main__.Point'>
# | [Job(name='c', priority=1, done=False), Job(name='a', priority=2, done=True), Job(name='b', priority=2, done=False)] {'done': False}
# | Point(x=1, y=3)
# | TypeError Point.__new__() missing 1 required positional argument: 'y'
# | TypeError Point.__new__() takes 3 positional arguments but 4 were given
# | TypeError Point.__new__() got an unexpected keyword argument 'z'
# | ValueError Encountered duplicate field name: 'x'
# | ValueError Field names cannot start with an underscore: '_x'
# | OrderedDict([('c', 3)]) ['a', 'c', 'b'] ('b', 1) ('a', 2) OrderedDict([('c', 3)])
# | OrderedDict([('d', 4), ('c', 3)]) True OrderedDict()
