# len() of str, list, tuple and dict, as they grow and shrink.
print(len(""), len("a"), len("hello world"))
print(len([]), len([1]), len([1, [2, 3]]))
print(len(()), len((1,)), len((1, 2, 3)))
print(len({}), len({"a": 1}), len({1: 2, 3: 4}))
print(len("tab\there"), len("quote\"s"))
lst = []
for i in range(7):
    lst.append(i)
print(len(lst))
lst.pop()
lst.pop(0)
print(len(lst))
d = {}
for ch in "abracadabra":
    d[ch] = 1
print(len(d))
d.pop("a")
print(len(d))
print(len(list("xyz")), len(list(range(10))))
print(len([[]] * 5), len("ab" * 5))
print(len(d.keys()), len(d.values()), len(d.items()))
def longest(words):
    best = ""
    for w in words:
        if len(w) > len(best):
            best = w
    return best
print(longest(["a", "abcd", "abc", "abcde", "xy"]))
print(len(str(-12345)), len(repr("ab")))
# --- expected (CPython 3.11; EMLAB_BLESS=1 cargo test -p emlab --test differential) ---
# exit: 0
# stdout:
# | 0 1 11
# | 0 1 2
# | 0 1 3
# | 0 1 2
# | 8 7
# | 7
# | 5
# | 5
# | 4
# | 3 10
# | 5 10
# | 4 4 4
# | abcde
# | 6 4
