# IndexError: string index out of range.
s = "abc"
i = 0
while True:
    print(s[i])
    i += 1
# --- expected (CPython 3.11; EMLAB_BLESS=1 cargo test -p emlab --test differential) ---
# exit: 1
# stderr ends: IndexError: string index out of range
# stdout:
# | a
# | b
# | c
