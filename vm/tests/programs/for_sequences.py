# for over list, tuple and str (including empty ones).
for x in [1, 2, 3]:
    print("list item", x)
for x in (4, 5, 6):
    print("tuple item", x)
for ch in "abc":
    print("char", ch)
for x in []:
    print("never")
for x in ():
    print("never")
for ch in "":
    print("never")
total = 0
for n in [10, 20, 30, 40]:
    total += n
print(total)
word = ""
for ch in "hello":
    word = ch + word
print(word)
nested = [[1, 2], [3], [], [4, 5, 6]]
flat = []
for row in nested:
    for v in row:
        flat.append(v)
print(flat)
for t in [(1, "a"), (2, "b")]:
    print(t, t[0], t[1])
for item in [None, True, "s", [1], (2,), {3: 4}]:
    print(item)
count = 0
for ch in "a\tb\nc":
    count += 1
print(count)
# --- expected (CPython 3.11; EMLAB_BLESS=1 cargo test -p emlab --test differential) ---
# exit: 0
# stdout:
# | list item 1
# | list item 2
# | list item 3
# | tuple item 4
# | tuple item 5
# | tuple item 6
# | char a
# | char b
# | char c
# | 100
# | olleh
# | [1, 2, 3, 4, 5, 6]
# | (1, 'a') 1 a
# | (2, 'b') 2 b
# | None
# | True
# | s
# | [1]
# | (2,)
# | {3: 4}
# | 5
