# sys.exit with a message: printed to standard error, and the exit status is 1.
import sys

print("checking")
errors = ["lost update"]
if errors:
    sys.exit("found: " + errors[0])
print("not reached")
# --- expected (CPython 3.11; EMLAB_BLESS=1 cargo test -p emlab --test differential) ---
# exit: 1
# stderr ends: found: lost update
# stdout:
# | checking
