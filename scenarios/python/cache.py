"""Pure-Python twin of emlab's `cache` extension module (not free-threaded).

emlab's cache keeps objects in module state, which the collector cannot see; what keeps
them alive there is the extension's reference count. Keys are compared by their repr.
"""

_store = {}


def put(key, obj):
    """Keep obj under key (replacing, and releasing, any previous value)."""
    _store[repr(key)] = obj


def get(key):
    """The object kept under key, or None."""
    return _store.get(repr(key))


def drop(key):
    """Forget key, releasing its object."""
    _store.pop(repr(key), None)
