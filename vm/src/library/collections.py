# emlab's `collections`: deque, defaultdict, Counter, OrderedDict and namedtuple, written for
# emlab after the documented behaviour of CPython's (not copied). emlab's classes cannot derive
# from the built-in types, so these hold a list, a dict or a tuple instead of being one.
#
# Atomicity under the checker follows CPython's: each operation of an unbounded deque is one
# operation of its list (`append`, `popleft`, `extend`, ...: one step), and a bounded deque (one
# with a `maxlen`, whose appends also drop items) does each operation under its own lock.
import _thread
from itertools import chain as _chain


class deque:
    def __init__(self, iterable=(), maxlen=None):
        if maxlen is not None:
            if not isinstance(maxlen, int):
                raise TypeError("an integer is required")
            if maxlen < 0:
                raise ValueError("maxlen must be non-negative")
        self.maxlen = maxlen
        self._items = []
        self._lock = None if maxlen is None else _thread.allocate_lock()
        self.extend(iterable)

    def _trim_right(self):
        while len(self._items) > self.maxlen:
            self._items.pop()

    def _trim_left(self):
        while len(self._items) > self.maxlen:
            self._items.pop(0)

    def append(self, x):
        if self._lock is None:
            self._items.append(x)
            return
        with self._lock:
            self._items.append(x)
            self._trim_left()

    def appendleft(self, x):
        if self._lock is None:
            self._items.insert(0, x)
            return
        with self._lock:
            self._items.insert(0, x)
            self._trim_right()

    def extend(self, iterable):
        items = list(iterable)
        if self._lock is None:
            self._items.extend(items)
            return
        with self._lock:
            self._items.extend(items)
            self._trim_left()

    def extendleft(self, iterable):
        items = list(iterable)
        items.reverse()
        if self._lock is None:
            self._items[0:0] = items
            return
        with self._lock:
            self._items[0:0] = items
            self._trim_right()

    def pop(self):
        try:
            if self._lock is None:
                return self._items.pop()
            with self._lock:
                return self._items.pop()
        except IndexError:
            pass
        raise IndexError("pop from an empty deque")

    def popleft(self):
        try:
            if self._lock is None:
                return self._items.pop(0)
            with self._lock:
                return self._items.pop(0)
        except IndexError:
            pass
        raise IndexError("pop from an empty deque")

    def clear(self):
        self._items.clear()

    def copy(self):
        return deque(self._items, self.maxlen)

    def count(self, x):
        return self._items.count(x)

    def index(self, x, start=0, stop=None):
        stop = len(self._items) if stop is None else stop
        for i in range(start, min(stop, len(self._items))):
            if self._items[i] == x:
                return i
        raise ValueError(f"{x!r} is not in deque")

    def insert(self, i, x):
        if self.maxlen is not None and len(self._items) >= self.maxlen:
            raise IndexError("deque already at its maximum size")
        self._items.insert(i, x)

    def remove(self, value):
        try:
            self._items.remove(value)
            return
        except ValueError:
            pass
        raise ValueError(f"{value!r} is not in deque")

    def reverse(self):
        self._items.reverse()

    def rotate(self, n=1):
        # One read and one write of the items (CPython's rotate is one step).
        size = len(self._items)
        if size:
            n %= size
            if n:
                self._items[:] = self._items[-n:] + self._items[:-n]

    def __len__(self):
        return len(self._items)

    def __iter__(self):
        return iter(self._items)

    def __reversed__(self):
        return reversed(self._items)

    def __contains__(self, x):
        return x in self._items

    def __getitem__(self, i):
        if isinstance(i, slice):
            raise TypeError("sequence index must be integer, not 'slice'")
        try:
            return self._items[i]
        except IndexError:
            pass
        raise IndexError("deque index out of range")

    def __setitem__(self, i, x):
        try:
            self._items[i] = x
            return
        except IndexError:
            pass
        raise IndexError("deque index out of range")

    def __delitem__(self, i):
        try:
            del self._items[i]
            return
        except IndexError:
            pass
        raise IndexError("deque index out of range")

    def __eq__(self, other):
        if not isinstance(other, deque):
            return NotImplemented
        return self._items == other._items

    def __repr__(self):
        if self.maxlen is None:
            return f"deque({self._items!r})"
        return f"deque({self._items!r}, maxlen={self.maxlen})"


class _Mapping:
    """What defaultdict, OrderedDict and Counter share: a dict they hold (emlab's classes cannot
    derive from dict), whose operations each is one step on it."""

    def __getitem__(self, key):
        return self._data[key]

    def __setitem__(self, key, value):
        self._data[key] = value

    def __delitem__(self, key):
        del self._data[key]

    def __contains__(self, key):
        return key in self._data

    def __len__(self):
        return len(self._data)

    def __iter__(self):
        return iter(self._data)

    def keys(self):
        return self._data.keys()

    def values(self):
        return self._data.values()

    def items(self):
        return self._data.items()

    def get(self, key, default=None):
        return self._data.get(key, default)

    def pop(self, key, *default):
        return self._data.pop(key, *default)

    def setdefault(self, key, default=None):
        return self._data.setdefault(key, default)

    def update(self, *args, **kwargs):
        self._data.update(*args, **kwargs)

    def clear(self):
        self._data.clear()


class defaultdict(_Mapping):
    def __init__(self, default_factory=None, *args, **kwargs):
        if default_factory is not None and not callable(default_factory):
            raise TypeError("first argument must be callable or None")
        self.default_factory = default_factory
        self._data = dict(*args, **kwargs)

    def __getitem__(self, key):
        try:
            return self._data[key]
        except KeyError:
            pass
        if self.default_factory is None:
            raise KeyError(key)
        # Set only if no other thread set it meanwhile: one step, as CPython's `__missing__` is
        # under the GIL for a built-in factory.
        return self._data.setdefault(key, self.default_factory())

    def __eq__(self, other):
        if isinstance(other, defaultdict):
            return self._data == other._data
        return self._data == other

    def popitem(self):
        return self._data.popitem()

    def copy(self):
        return defaultdict(self.default_factory, self._data)

    def __repr__(self):
        return f"defaultdict({self.default_factory!r}, {self._data!r})"


class OrderedDict(_Mapping):
    def __init__(self, *args, **kwargs):
        self._data = dict(*args, **kwargs)

    def __reversed__(self):
        return reversed(list(self._data))

    def __eq__(self, other):
        if isinstance(other, OrderedDict):
            return list(self._data.items()) == list(other._data.items())
        return self._data == other

    def copy(self):
        return OrderedDict(self._data)

    def popitem(self, last=True):
        if not self._data:
            raise KeyError("dictionary is empty")
        key = next(reversed(list(self._data))) if last else next(iter(self._data))
        return key, self._data.pop(key)

    def move_to_end(self, key, last=True):
        value = self._data.pop(key)
        if last:
            self._data[key] = value
        else:
            self._data = {key: value, **self._data}

    def __repr__(self):
        if not self._data:
            return "OrderedDict()"
        return f"OrderedDict({list(self._data.items())!r})"


class Counter(_Mapping):
    def __init__(self, iterable=None, **kwds):
        self._data = {}
        self.update(iterable, **kwds)

    def __getitem__(self, key):
        return self._data.get(key, 0)

    def __delitem__(self, key):
        self._data.pop(key, None)

    def __eq__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return all(self[e] == other[e] for c in (self, other) for e in c)

    def copy(self):
        return Counter(self)

    def total(self):
        return sum(self._data.values())

    def most_common(self, n=None):
        ranked = sorted(self._data.items(), key=lambda item: item[1], reverse=True)
        return ranked if n is None else ranked[:max(n, 0)]

    def elements(self):
        return _chain.from_iterable([key] * count for key, count in self._data.items() if count > 0)

    def _add(self, iterable, kwds, sign):
        if iterable is not None:
            if isinstance(iterable, (dict, _Mapping)):
                for key, count in iterable.items():
                    self._data[key] = self._data.get(key, 0) + sign * count
            else:
                for key in iterable:
                    self._data[key] = self._data.get(key, 0) + sign
        for key, count in kwds.items():
            self._data[key] = self._data.get(key, 0) + sign * count

    def update(self, iterable=None, **kwds):
        self._add(iterable, kwds, 1)

    def subtract(self, iterable=None, **kwds):
        self._add(iterable, kwds, -1)

    def __repr__(self):
        if not self._data:
            return "Counter()"
        inner = ", ".join(f"{key!r}: {count!r}" for key, count in self.most_common())
        return "Counter({" + inner + "})"


_KEYWORDS = {
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class",
    "continue", "def", "del", "elif", "else", "except", "finally", "for", "from", "global",
    "if", "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return",
    "try", "while", "with", "yield",
}


def _is_identifier(name):
    if not name or not (name[0].isalpha() or name[0] == "_"):
        return False
    return all(ch.isalnum() or ch == "_" for ch in name)


def _listed(names):
    quoted = [f"'{name}'" for name in names]
    if len(quoted) == 1:
        return quoted[0]
    if len(quoted) == 2:
        return f"{quoted[0]} and {quoted[1]}"
    return ", ".join(quoted[:-1]) + ", and " + quoted[-1]


def namedtuple(typename, field_names, *, rename=False, defaults=None, module=None):
    if isinstance(field_names, str):
        field_names = field_names.replace(",", " ").split()
    fields = [str(name) for name in field_names]
    if rename:
        seen = set()
        for index, name in enumerate(fields):
            if not _is_identifier(name) or name in _KEYWORDS or name.startswith("_") or name in seen:
                fields[index] = f"_{index}"
            seen.add(name)
    for name in [typename] + fields:
        if not isinstance(name, str):
            raise TypeError("Type names and field names must be strings")
        if not _is_identifier(name):
            raise ValueError(f"Type names and field names must be valid identifiers: {name!r}")
        if name in _KEYWORDS:
            raise ValueError(f"Type names and field names cannot be a keyword: {name!r}")
    seen = set()
    for name in fields:
        if name.startswith("_") and not rename:
            raise ValueError(f"Field names cannot start with an underscore: {name!r}")
        if name in seen:
            raise ValueError(f"Encountered duplicate field name: {name!r}")
        seen.add(name)
    fields = tuple(fields)
    field_defaults = {}
    if defaults is not None:
        defaults = tuple(defaults)
        if len(defaults) > len(fields):
            raise TypeError("Got more default values than field names")
        field_defaults = dict(zip(fields[len(fields) - len(defaults):], defaults))

    class Record:
        _fields = fields
        _field_defaults = field_defaults

        def __init__(self, *args, **kwargs):
            if len(args) > len(fields):
                raise TypeError(
                    f"{typename}.__new__() takes {len(fields) + 1} positional arguments but {len(args) + 1} were given"
                )
            for name in kwargs:
                if name not in fields:
                    raise TypeError(f"{typename}.__new__() got an unexpected keyword argument '{name}'")
                if name in fields[:len(args)]:
                    raise TypeError(f"{typename}.__new__() got multiple values for argument '{name}'")
            values = list(args)
            missing = []
            for name in fields[len(args):]:
                if name in kwargs:
                    values.append(kwargs[name])
                elif name in field_defaults:
                    values.append(field_defaults[name])
                else:
                    missing.append(name)
            if missing:
                plural = "argument" if len(missing) == 1 else "arguments"
                raise TypeError(
                    f"{typename}.__new__() missing {len(missing)} required positional {plural}: {_listed(missing)}"
                )
            self._values = tuple(values)
            for name, value in zip(fields, values):
                setattr(self, name, value)

        @classmethod
        def _make(cls, iterable):
            values = tuple(iterable)
            if len(values) != len(fields):
                raise TypeError(f"Expected {len(fields)} arguments, got {len(values)}")
            return cls(*values)

        def _replace(self, **kwargs):
            unknown = [name for name in kwargs if name not in fields]
            if unknown:
                raise ValueError(f"Got unexpected field names: {unknown!r}")
            return type(self)(*[kwargs.get(name, value) for name, value in zip(fields, self._values)])

        def _asdict(self):
            return dict(zip(fields, self._values))

        def __iter__(self):
            return iter(self._values)

        def __len__(self):
            return len(self._values)

        def __getitem__(self, i):
            return self._values[i]

        def __contains__(self, x):
            return x in self._values

        def count(self, x):
            return self._values.count(x)

        def index(self, x):
            return self._values.index(x)

        def __eq__(self, other):
            return self._values == _as_tuple(other)

        def __ne__(self, other):
            return self._values != _as_tuple(other)

        def __lt__(self, other):
            return self._values < _as_tuple(other)

        def __le__(self, other):
            return self._values <= _as_tuple(other)

        def __gt__(self, other):
            return self._values > _as_tuple(other)

        def __ge__(self, other):
            return self._values >= _as_tuple(other)

        def __repr__(self):
            inner = ", ".join(f"{name}={value!r}" for name, value in zip(fields, self._values))
            return f"{typename}({inner})"

    Record.__name__ = typename
    Record.__qualname__ = typename
    return Record


def _as_tuple(value):
    if isinstance(value, tuple):
        return value
    values = getattr(value, "_values", None)
    return values if isinstance(values, tuple) and hasattr(value, "_fields") else value
