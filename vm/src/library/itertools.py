# emlab's `itertools`, written for emlab after the documented behaviour of CPython's C module.
# The iterators are generators, except `count`: `next()` on a count that threads share is the
# classic atomic counter, so it takes its numbers from a range iterator, whose `next()` is one
# atomic step (CPython's count is one C call under the GIL or the object's lock).

_LIMIT = 9223372036854775807


class count:
    def __init__(self, start=0, step=1):
        for v in (start, step):
            if not isinstance(v, (int, float)):
                raise TypeError("a number is required")
        self._current = start
        self._step = step
        small = isinstance(start, int) and isinstance(step, int) and -_LIMIT <= start <= _LIMIT
        if small and step != 0 and -_LIMIT <= step <= _LIMIT:
            stop = _LIMIT if step > 0 else -_LIMIT - 1
            self._numbers = iter(range(start, stop, step))
        else:
            self._numbers = _count_any(start, step)

    def __iter__(self):
        return self

    def __next__(self):
        n = next(self._numbers)
        # Only for the repr: the number is taken above, in one step.
        self._current = n + self._step
        return n

    def __repr__(self):
        if self._step == 1:
            return f"count({self._current!r})"
        return f"count({self._current!r}, {self._step!r})"


def _count_any(start, step):
    n = start
    while True:
        yield n
        n += step


def repeat(obj, times=None):
    if times is None:
        while True:
            yield obj
    for _ in range(times):
        yield obj


def cycle(iterable):
    saved = []
    for item in iterable:
        yield item
        saved.append(item)
    while saved:
        for item in saved:
            yield item


def accumulate(iterable, func=None, *, initial=None):
    it = iter(iterable)
    total = initial
    if initial is None:
        try:
            total = next(it)
        except StopIteration:
            return
    yield total
    for item in it:
        total = total + item if func is None else func(total, item)
        yield total


def _chained(iterables):
    for iterable in iterables:
        yield from iterable


class chain:
    def __init__(self, *iterables):
        self._items = _chained(iterables)

    def __iter__(self):
        return self

    def __next__(self):
        return next(self._items)

    @classmethod
    def from_iterable(cls, iterables):
        made = cls()
        made._items = _chained(iterables)
        return made


def compress(data, selectors):
    for item, keep in zip(data, selectors):
        if keep:
            yield item


def dropwhile(predicate, iterable):
    it = iter(iterable)
    for item in it:
        if not predicate(item):
            yield item
            break
    yield from it


def takewhile(predicate, iterable):
    for item in iterable:
        if not predicate(item):
            return
        yield item


def filterfalse(predicate, iterable):
    for item in iterable:
        if not (bool(item) if predicate is None else predicate(item)):
            yield item


def starmap(function, iterable):
    for args in iterable:
        yield function(*args)


def islice(iterable, *args):
    if not 1 <= len(args) <= 3:
        raise TypeError(f"islice expected at most 4 arguments, got {len(args) + 1}")
    if len(args) == 1:
        start, stop, step = None, args[0], None
    else:
        start, stop, step = (tuple(args) + (None,))[:3]
    for value, name in ((start, "Indices"), (stop, "Stop"), (step, "Step")):
        if value is not None and (not isinstance(value, int) or value < 0):
            if name == "Stop":
                raise ValueError("Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.")
            raise ValueError("Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.")
    start = 0 if start is None else start
    step = 1 if step is None else step
    if step == 0:
        raise ValueError("Step for islice() must be a positive integer or None.")
    it = iter(iterable)
    wanted = start
    i = 0
    # Takes no item past the last one it gives (or past `stop`), as CPython's does.
    while stop is None or i < stop:
        try:
            item = next(it)
        except StopIteration:
            return
        if i == wanted:
            yield item
            wanted += step
        i += 1


def zip_longest(*iterables, fillvalue=None):
    iterators = [iter(it) for it in iterables]
    active = len(iterators)
    if not active:
        return
    while True:
        values = []
        for k in range(len(iterators)):
            it = iterators[k]
            if it is None:
                values.append(fillvalue)
                continue
            try:
                values.append(next(it))
            except StopIteration:
                active -= 1
                if not active:
                    return
                iterators[k] = None
                values.append(fillvalue)
        yield tuple(values)


def pairwise(iterable):
    it = iter(iterable)
    try:
        a = next(it)
    except StopIteration:
        return
    for b in it:
        yield a, b
        a = b


def product(*iterables, repeat=1):
    if repeat < 0:
        raise ValueError("repeat argument cannot be negative")
    pools = [tuple(pool) for pool in iterables] * repeat
    result = [()]
    for pool in pools:
        result = [x + (y,) for x in result for y in pool]
    for prod in result:
        yield prod


def permutations(iterable, r=None):
    pool = tuple(iterable)
    n = len(pool)
    r = n if r is None else r
    if r < 0:
        raise ValueError("r must be non-negative")
    if r > n:
        return
    indices = list(range(n))
    cycles = list(range(n, n - r, -1))
    yield tuple(pool[i] for i in indices[:r])
    while n:
        for i in reversed(range(r)):
            cycles[i] -= 1
            if cycles[i] == 0:
                indices[i:] = indices[i + 1:] + indices[i:i + 1]
                cycles[i] = n - i
            else:
                j = cycles[i]
                indices[i], indices[-j] = indices[-j], indices[i]
                yield tuple(pool[i] for i in indices[:r])
                break
        else:
            return


def combinations(iterable, r):
    pool = tuple(iterable)
    n = len(pool)
    if r < 0:
        raise ValueError("r must be non-negative")
    if r > n:
        return
    indices = list(range(r))
    yield tuple(pool[i] for i in indices)
    while True:
        for i in reversed(range(r)):
            if indices[i] != i + n - r:
                break
        else:
            return
        indices[i] += 1
        for j in range(i + 1, r):
            indices[j] = indices[j - 1] + 1
        yield tuple(pool[i] for i in indices)


def combinations_with_replacement(iterable, r):
    pool = tuple(iterable)
    n = len(pool)
    if r < 0:
        raise ValueError("r must be non-negative")
    if not n and r:
        return
    indices = [0] * r
    yield tuple(pool[i] for i in indices)
    while True:
        for i in reversed(range(r)):
            if indices[i] != n - 1:
                break
        else:
            return
        indices[i:] = [indices[i] + 1] * (r - i)
        yield tuple(pool[i] for i in indices)


class _Group:
    """The shared state of a groupby: the current key and item, and where the input is."""

    def __init__(self, iterable, key):
        self.it = iter(iterable)
        self.keyfunc = key
        self.done = False
        self.has_current = False
        self.current = None
        self.current_key = None
        self.generation = 0

    def advance(self):
        try:
            self.current = next(self.it)
        except StopIteration:
            self.done = True
            self.has_current = False
            return False
        self.current_key = self.current if self.keyfunc is None else self.keyfunc(self.current)
        self.has_current = True
        return True


def _grouper(state, key, generation):
    while state.generation == generation and state.has_current and state.current_key == key:
        yield state.current
        state.advance()


def groupby(iterable, key=None):
    state = _Group(iterable, key)
    state.advance()
    while state.has_current:
        key = state.current_key
        state.generation += 1
        yield key, _grouper(state, key, state.generation)
        # Skip what the caller did not take of this group.
        while state.has_current and state.current_key == key:
            state.advance()


class _TeeData:
    """What a tee's iterators share: the input, and the items taken from it so far."""

    def __init__(self, iterable):
        self.it = iter(iterable)
        self.items = []


def _tee_branch(data):
    i = 0
    while True:
        if i == len(data.items):
            try:
                data.items.append(next(data.it))
            except StopIteration:
                return
        yield data.items[i]
        i += 1


def tee(iterable, n=2):
    if n < 0:
        raise ValueError("n must be >= 0")
    data = _TeeData(iterable)
    return tuple(_tee_branch(data) for _ in range(n))
