# An error inside a generator unwinds through the loop that resumed it, with both frames shown.
def parse(lines):
    for line in lines:
        yield int(line)


def total(lines):
    result = 0
    for value in parse(lines):
        result += value
    return result


print(total(["1", "2"]))
print(total(["3", "x"]))
# --- expected (CPython 3.11; EMLAB_BLESS=1 cargo test -p emlab --test differential) ---
# exit: 1
# stderr ends: ValueError: invalid literal for int() with base 10: 'x'
# stdout:
# | 3
