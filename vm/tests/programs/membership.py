# in / not in on str (substring), list, tuple and dict (keys).
print("a" in "abc", "d" in "abc", "bc" in "abc", "ac" in "abc")
print("" in "abc", "" in "", "abc" in "abc", "abcd" in "abc")
print("x" not in "abc", "b" not in "abc")
print(1 in [1, 2, 3], 4 in [1, 2, 3], 4 not in [1, 2, 3])
print("s" in ["s", "t"], [1] in [[1], [2]], (1, 2) in [(1, 2)])
print(2 in (1, 2), 3 in (1, 2), 3 not in (1, 2))
print(None in [None], None in [], None in (0, False))
d = {"k": 1, 2: "two", (1, 2): "t", None: 0}
print("k" in d, 1 in d, 2 in d, (1, 2) in d, None in d)
print("missing" not in d, "k" not in d)
print(1 in d.keys(), "two" in d.values(), "k" in d.keys())
print(True in [1], 1 in [True], 0 in [False])
print(1 in {True: "x"}, True in {1: "x"})
print(1 + 1 in [2], not 2 in [2])
seen = []
for ch in "mississippi":
    if ch not in seen:
        seen.append(ch)
print(seen)
vowels = "aeiou"
count = 0
for ch in "the quick brown fox jumps over the lazy dog":
    if ch in vowels:
        count += 1
print(count)
print([] in [[]], () in [()], {} in [{}])
# --- expected (CPython 3.11; EMLAB_BLESS=1 cargo test -p emlab --test differential) ---
# exit: 0
# stdout:
# | True False True False
# | True True True False
# | True False
# | True False True
# | True True True
# | True False True
# | True False False
# | True False True True True
# | True False
# | False True True
# | True True True
# | True True
# | True False
# | ['m', 'i', 's', 'p']
# | 11
# | True True True
