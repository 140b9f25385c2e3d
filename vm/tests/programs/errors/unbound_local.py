# UnboundLocalError: a local read before it is assigned (it shadows a global).
total = 10

def bump():
    total = total + 1
    return total

print(total)
print(bump())
# --- expected (CPython 3.11; EMLAB_BLESS=1 cargo test -p emlab --test differential) ---
# exit: 1
# stderr ends: UnboundLocalError: cannot access local variable 'total' where it is not associated with a value
# stdout:
# | 10
