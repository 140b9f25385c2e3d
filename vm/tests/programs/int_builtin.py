# int() from str, bool and int; round-trips with str().
print(int("42"), int("-17"), int("0"), int("+5"))
print(int("9223372036854775807"), int("-9223372036854775807"))
print(int(True), int(False))
print(int(7), int(-7), int(0))
print(int("007"))
print(int(str(123)) + 1)
print(int("1" + "2" + "3") * 2)
def parse_digits(s):
    total = 0
    for ch in s:
        total = total * 10 + int(ch)
    return total
print(parse_digits("31415"))
def to_str(n):
    if n == 0:
        return "0"
    neg = n < 0
    if neg:
        n = -n
    out = ""
    while n > 0:
        out = str(n % 10) + out
        n = n // 10
    return "-" + out if neg else out
for v in [0, 5, -5, 1234567, -9876543210]:
    s = to_str(v)
    print(s, int(s) == v, s == str(v))
total = 0
for s in ["1", "22", "-3", "40"]:
    total += int(s)
print(total)
print(int(int("5")), repr(int("12")))
# --- expected (CPython 3.11; EMLAB_BLESS=1 cargo test -p emlab --test differential) ---
# exit: 0
# stdout:
# | 42 -17 0 5
# | 9223372036854775807 -9223372036854775807
# | 1 0
# | 7 -7 0
# | 7
# | 124
# | 246
# | 31415
# | 0 True True
# | 5 True True
# | -5 True True
# | 1234567 True True
# | -9876543210 True True
# | 60
# | 5 12
