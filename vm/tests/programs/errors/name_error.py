# NameError: name 'undefined_thing' is not defined (no close match, so no suggestion).
print("before")
print(undefined_thing)
# --- expected (CPython 3.11; EMLAB_BLESS=1 cargo test -p emlab --test differential) ---
# exit: 1
# stderr ends: NameError: name 'undefined_thing' is not defined
# stdout:
# | before
