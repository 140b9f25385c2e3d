# Building and inspecting strings with +, *, indexing, len and comparisons.
def reverse(s):
    out = ""
    i = len(s) - 1
    while i >= 0:
        out += s[i]
        i -= 1
    return out

def is_palindrome(s):
    i = 0
    j = len(s) - 1
    while i < j:
        if s[i] != s[j]:
            return False
        i += 1
        j -= 1
    return True

def join_with(parts, sep):
    out = ""
    for i in range(len(parts)):
        if i > 0:
            out += sep
        out += parts[i]
    return out

def count_char(s, c):
    n = 0
    for ch in s:
        if ch == c:
            n += 1
    return n

print(reverse("hello"), reverse(""), reverse("a"))
for w in ["racecar", "level", "python", "", "ab", "aba"]:
    print(repr(w), is_palindrome(w))
print(join_with(["a", "b", "c"], ", "))
print(join_with([], "-"), join_with(["solo"], "-"))
print(count_char("mississippi", "s"), count_char("mississippi", "z"))
box = "+" + "-" * 10 + "+"
print(box)
print("|" + " " * 3 + "emlab" + " " * 2 + "|")
print(box)
digits = ""
for i in range(10):
    digits += str(i)
print(digits, len(digits), digits[0], digits[-1])
lines = "first\nsecond\n"
print(lines)
print(len(lines), count_char(lines, "\n"))
# --- expected (CPython 3.11; EMLAB_BLESS=1 cargo test -p emlab --test differential) ---
# exit: 0
# stdout:
# | olleh  a
# | 'racecar' True
# | 'level' True
# | 'python' False
# | '' True
# | 'ab' False
# | 'aba' True
# | a, b, c
# |  solo
# | 4 0
# | +----------+
# | |   emlab  |
# | +----------+
# | 0123456789 10 0 9
# | first
# | second
# |
# | 13 2
