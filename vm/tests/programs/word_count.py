# Split text into words by hand (no str methods) and count them in a dict.
text = "the cat sat on the mat\nthe dog sat on the log\tand the cat ran"

def split_words(s):
    words = []
    cur = ""
    for ch in s:
        if ch == " " or ch == "\n" or ch == "\t":
            if cur != "":
                words.append(cur)
            cur = ""
        else:
            cur += ch
    if cur != "":
        words.append(cur)
    return words

words = split_words(text)
print(len(words))
print(words)
counts = {}
for w in words:
    if w in counts:
        counts[w] += 1
    else:
        counts[w] = 1
print(counts)
best = None
for w, c in counts.items():
    if best is None or c > counts[best]:
        best = w
print(best, counts[best])
lengths = {}
for w in words:
    n = len(w)
    lengths[n] = lengths.get(n, [])
    if w not in lengths[n]:
        lengths[n].append(w)
print(lengths)
print(split_words("   "), split_words("one"), split_words(" a  b "))
# --- expected (CPython 3.11; EMLAB_BLESS=1 cargo test -p emlab --test differential) ---
# exit: 0
# stdout:
# | 16
# | ['the', 'cat', 'sat', 'on', 'the', 'mat', 'the', 'dog', 'sat', 'on', 'the', 'log', 'and', 'the', 'cat', 'ran']
# | {'the': 5, 'cat': 2, 'sat': 2, 'on': 2, 'mat': 1, 'dog': 1, 'log': 1, 'and': 1, 'ran': 1}
# | the 5
# | {3: ['the', 'cat', 'sat', 'mat', 'dog', 'log', 'and', 'ran'], 2: ['on']}
# | [] ['one'] ['a', 'b']
