# int() accepts the decimal digits of every script, as CPython does.
print(int("\u0663"))
print(int("\uff11\uff12"))
print(int(" \u0664\u0665 "))
print(int("-\u0967\u0968"))
print(int("1_\u0660"))
# --- expected (CPython 3.11; EMLAB_BLESS=1 cargo test -p emlab --test differential) ---
# exit: 0
# stdout:
# | 3
# | 12
# | 45
# | -12
# | 10
