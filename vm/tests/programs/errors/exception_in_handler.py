# An exception raised inside an except clause replaces the one being handled.
try:
    [][1]
except IndexError:
    print("handling IndexError")
    {}["gone"]
# --- expected (CPython 3.11; EMLAB_BLESS=1 cargo test -p emlab --test differential) ---
# exit: 1
# stderr ends: KeyError: 'gone'
# stdout:
# | handling IndexError
