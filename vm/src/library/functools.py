# emlab's `functools`: partial, reduce, wraps, lru_cache and cache, total_ordering and
# cmp_to_key, written for emlab after the documented behaviour of CPython's (not copied).
import _emlab_sys

WRAPPER_ASSIGNMENTS = ("__module__", "__name__", "__qualname__", "__doc__")
WRAPPER_UPDATES = ("__dict__",)

class _Marker:
    "A unique value (CPython uses `object()`)."


_initial_missing = _Marker()


def reduce(function, iterable, initial=_initial_missing):
    it = iter(iterable)
    if initial is _initial_missing:
        try:
            value = next(it)
        except StopIteration:
            raise TypeError("reduce() of empty iterable with no initial value") from None
    else:
        value = initial
    for element in it:
        value = function(value, element)
    return value


class partial:
    def __init__(self, func, *args, **keywords):
        if not callable(func):
            raise TypeError("the first argument must be callable")
        if isinstance(func, partial):
            args = func.args + args
            keywords = {**func.keywords, **keywords}
            func = func.func
        self.func = func
        self.args = args
        self.keywords = keywords

    def __call__(self, *args, **keywords):
        return self.func(*self.args, *args, **{**self.keywords, **keywords})

    def __repr__(self):
        parts = [repr(self.func)]
        parts.extend(repr(arg) for arg in self.args)
        parts.extend(f"{key}={value!r}" for key, value in self.keywords.items())
        return f"functools.partial({', '.join(parts)})"


def update_wrapper(wrapper, wrapped, assigned=WRAPPER_ASSIGNMENTS, updated=WRAPPER_UPDATES):
    # An emlab function object takes no attributes and never changes: a function wrapper comes
    # back as a copy with the wrapped one's names (what `wraps` binds); an object of a class takes
    # them as attributes.
    for attr in assigned:
        try:
            setattr(wrapper, attr, getattr(wrapped, attr))
        except AttributeError:
            pass
    try:
        wrapper.__wrapped__ = wrapped
    except AttributeError:
        pass
    name = getattr(wrapped, "__name__", None)
    if isinstance(name, str) and "__name__" in assigned:
        qualname = getattr(wrapped, "__qualname__", name) if "__qualname__" in assigned else wrapper.__qualname__
        wrapper = _emlab_sys.renamed(wrapper, name, qualname)
    return wrapper


def wraps(wrapped, assigned=WRAPPER_ASSIGNMENTS, updated=WRAPPER_UPDATES):
    return partial(update_wrapper, wrapped=wrapped, assigned=assigned, updated=updated)


class _CacheInfo:
    def __init__(self, hits, misses, maxsize, currsize):
        self.hits = hits
        self.misses = misses
        self.maxsize = maxsize
        self.currsize = currsize

    def __iter__(self):
        return iter((self.hits, self.misses, self.maxsize, self.currsize))

    def __eq__(self, other):
        return tuple(self) == tuple(other)

    def __repr__(self):
        return f"CacheInfo(hits={self.hits}, misses={self.misses}, maxsize={self.maxsize}, currsize={self.currsize})"


class _LruCacheWrapper:
    def __init__(self, func, maxsize, typed):
        self.__wrapped__ = func
        self._maxsize = maxsize
        self._typed = typed
        self._cache = {}
        self._hits = 0
        self._misses = 0

    def _key(self, args, kwds):
        key = args
        if kwds:
            key += (_kwd_mark,) + tuple(kwds.items())
        if self._typed:
            key += tuple(type(v) for v in args)
            if kwds:
                key += tuple(type(v) for v in kwds.values())
        return key

    def __call__(self, *args, **kwds):
        key = self._key(args, kwds)
        cache = self._cache
        if key in cache:
            self._hits += 1
            if self._maxsize is not None:
                # Most recently used last.
                cache[key] = cache.pop(key)
            return cache[key]
        self._misses += 1
        result = self.__wrapped__(*args, **kwds)
        if self._maxsize != 0:
            cache[key] = result
            if self._maxsize is not None and len(cache) > self._maxsize:
                del cache[next(iter(cache))]
        return result

    def cache_info(self):
        return _CacheInfo(self._hits, self._misses, self._maxsize, len(self._cache))

    def cache_clear(self):
        self._cache.clear()
        self._hits = 0
        self._misses = 0

    def __repr__(self):
        return f"<functools._lru_cache_wrapper object wrapping {self.__wrapped__!r}>"


_kwd_mark = _Marker()


def lru_cache(maxsize=128, typed=False):
    if isinstance(maxsize, int):
        if maxsize < 0:
            maxsize = 0
    elif callable(maxsize) and isinstance(typed, bool):
        # `@lru_cache` without arguments: `maxsize` is the function.
        return _LruCacheWrapper(maxsize, 128, typed)
    elif maxsize is not None:
        raise TypeError("Expected first argument to be an integer, a callable, or None")

    def decorating_function(user_function):
        return _LruCacheWrapper(user_function, maxsize, typed)

    return decorating_function


def cache(user_function):
    return _LruCacheWrapper(user_function, None, False)


def total_ordering(cls):
    roots = [op for op in _CONVERT if getattr(cls, op, None) is not None]
    if not roots:
        raise ValueError("must define at least one ordering operation: < > <= >=")
    root = max(roots)
    for name, negate, combine in _CONVERT[root]:
        if name not in roots:
            setattr(cls, name, _derived(root, negate, combine))
    return cls


# For each root comparison, the others made from it: (name, negate the root's result, then
# `or self == other` / `and self != other`), as CPython derives them.
_CONVERT = {
    "__lt__": (("__gt__", True, "and_ne"), ("__le__", False, "or_eq"), ("__ge__", True, None)),
    "__le__": (("__ge__", True, "or_eq"), ("__lt__", False, "and_ne"), ("__gt__", True, None)),
    "__gt__": (("__lt__", True, "and_ne"), ("__ge__", False, "or_eq"), ("__le__", True, None)),
    "__ge__": (("__le__", True, "or_eq"), ("__gt__", False, "and_ne"), ("__lt__", True, None)),
}


def _derived(root, negate, combine):
    def compare(self, other):
        result = getattr(type(self), root)(self, other)
        if result is NotImplemented:
            return result
        if negate:
            result = not result
        if combine == "or_eq":
            return result or self == other
        if combine == "and_ne":
            return result and self != other
        return result

    return compare


def cmp_to_key(mycmp):
    class K:
        def __init__(self, obj):
            self.obj = obj

        def __lt__(self, other):
            return mycmp(self.obj, other.obj) < 0

        def __gt__(self, other):
            return mycmp(self.obj, other.obj) > 0

        def __eq__(self, other):
            return mycmp(self.obj, other.obj) == 0

        def __le__(self, other):
            return mycmp(self.obj, other.obj) <= 0

        def __ge__(self, other):
            return mycmp(self.obj, other.obj) >= 0

    return K
