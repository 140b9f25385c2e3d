# Ordering and equality on strs: lexicographic by code point.
print("a" < "b", "b" < "a", "a" < "a")
print("apple" < "banana", "apple" > "Apple")
print("Z" < "a", "0" < "9", "9" < "A")
print("" < "a", "a" < "", "" == "")
print("ab" < "abc", "abc" < "ab", "abc" <= "abc", "abd" >= "abc")
print("abc" == "abc", "abc" != "abd", "abc" == "ABC")
print(" " < "!", "a\n" < "a\t")
print("10" < "9", "100" > "99")
words = ["pear", "apple", "fig", "banana", "cherry"]
lo = words[0]
hi = words[0]
for w in words:
    if w < lo:
        lo = w
    if w > hi:
        hi = w
print(lo, hi)
print(min(words), max(words))
print(min("b", "a", "c"), max("b", "a", "c"))
print(max("hello"), min("hello"))
def insertion_sort(lst):
    i = 1
    while i < len(lst):
        j = i
        while j > 0 and lst[j - 1] > lst[j]:
            tmp = lst[j]
            lst[j] = lst[j - 1]
            lst[j - 1] = tmp
            j -= 1
        i += 1
    return lst
print(insertion_sort(words))
print("b" + "a" > "ba", "b" + "a" >= "ba")
# --- expected (CPython 3.11; EMLAB_BLESS=1 cargo test -p emlab --test differential) ---
# exit: 0
# stdout:
# | True False False
# | True True
# | True True True
# | True False True
# | True False True True
# | True True False
# | True False
# | True False
# | apple pear
# | apple pear
# | a c
# | o e
# | ['apple', 'banana', 'cherry', 'fig', 'pear']
# | False True
