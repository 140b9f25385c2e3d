# int(text, base): bases 2 to 36 and 0 (the base from the prefix), underscores, signs, big values,
# and CPython's errors.
print(int("ff", 16), int("0xff", 16), int("0XFF", 0), int("-0b101", 0), int("0o17", 0), int(" 12 ", 10))
print(int("z", 36), int("Zz", 36), int("1_000", 0), int("0x_ff", 16), int("777", 8), int("101", 2))
print(int("ffffffffffffffffffffffff", 16), int("-" + "1" * 70, 2), int("0", 0), int("000", 0))
for text, base in [("12", 2), ("0x", 16), ("1__0", 10), ("09", 0), ("", 10), ("g", 16), ("0b2", 0), ("ff", 10), ("_1", 10)]:
    try:
        int(text, base)
    except ValueError as e:
        print(e)
for bad in [(5, 10), ("5", 1), ("5", 37), ("5", 2.5)]:
    try:
        int(*bad)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
# --- expected (CPython 3.11; EMLAB_BLESS=1 cargo test -p emlab --test differential) ---
# exit: 0
# stdout:
# | 255 255 255 -5 15 12
# | 35 1295 1000 255 511 5
# | 79228162514264337593543950335 -1180591620717411303423 0 0
# | invalid literal for int() with base 2: '12'
# | invalid literal for int() with base 16: '0x'
# | invalid literal for int() with base 10: '1__0'
# | invalid literal for int() with base 0: '09'
# | invalid literal for int() with base 10: ''
# | invalid literal for int() with base 16: 'g'
# | invalid literal for int() with base 0: '0b2'
# | invalid literal for int() with base 10: 'ff'
# | invalid literal for int() with base 10: '_1'
# | TypeError int() can't convert non-string with explicit base
# | ValueError int() base must be >= 2 and <= 36, or 0
# | ValueError int() base must be >= 2 and <= 36, or 0
# | TypeError 'float' object cannot be interpreted as an integer
