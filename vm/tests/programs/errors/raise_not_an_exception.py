# Only exceptions can be raised.
try:
    raise "text"
except TypeError as e:
    print("caught:", e)
raise 5
# --- expected (CPython 3.11; EMLAB_BLESS=1 cargo test -p emlab --test differential) ---
# exit: 1
# stderr ends: TypeError: exceptions must derive from BaseException
# stdout:
# | caught: exceptions must derive from BaseException
