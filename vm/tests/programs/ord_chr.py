# ord() and chr(), with CPython's errors.
print(ord("a"), ord("é"), chr(97), chr(0x1F600), [chr(i) for i in range(65, 70)])
for bad in ["ab", "", 5]:
    try:
        ord(bad)
    except TypeError as e:
        print(e)
for bad in [-1, 0x110000, 2.5]:
    try:
        chr(bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
# --- expected (CPython 3.11; EMLAB_BLESS=1 cargo test -p emlab --test differential) ---
# exit: 0
# stdout:
# | 97 233 a 😀 ['A', 'B', 'C', 'D', 'E']
# | ord() expected a character, but string of length 2 found
# | ord() expected a character, but string of length 0 found
# | ord() expected string of length 1, but int found
# | ValueError chr() arg not in range(0x110000)
# | ValueError chr() arg not in range(0x110000)
# | TypeError 'float' object cannot be interpreted as an integer
