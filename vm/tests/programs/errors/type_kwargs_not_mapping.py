# `**x` in a call needs a mapping.
def configure(**options):
    return options

print(configure(**{"a": 1}))
configure(**[("a", 1)])
# --- expected (CPython 3.11; EMLAB_BLESS=1 cargo test -p emlab --test differential) ---
# exit: 1
# stderr ends: TypeError: __main__.configure() argument after ** must be a mapping, not list
# stdout:
# | {'a': 1}
