# NameError raised inside a function for a global that was never assigned.
def use():
    return missing_global_value + 1

print("calling")
print(use())
# --- expected (CPython 3.11; EMLAB_BLESS=1 cargo test -p emlab --test differential) ---
# exit: 1
# stderr ends: NameError: name 'missing_global_value' is not defined
# stdout:
# | calling
