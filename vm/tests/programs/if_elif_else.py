# if / elif / else chains and nesting.
def classify(n):
    if n < 0:
        return "negative"
    elif n == 0:
        return "zero"
    elif n < 10:
        return "small"
    elif n < 100:
        return "medium"
    else:
        return "large"

for v in [-5, 0, 3, 42, 1000]:
    print(v, classify(v))

x = 5
if x > 3:
    print("x > 3")
if x > 10:
    print("never")
else:
    print("x <= 10")
if x == 5:
    if x % 2 == 1:
        print("odd five")
    else:
        print("even five")
if []:
    print("empty list is true?")
elif {}:
    print("empty dict is true?")
elif "":
    print("empty str is true?")
else:
    print("all empty things are false")
if [0]:
    print("non-empty list is true")
if None:
    print("no")
elif 0:
    print("no")
elif (0,):
    print("1-tuple is true")
# --- expected (CPython 3.11; EMLAB_BLESS=1 cargo test -p emlab --test differential) ---
# exit: 0
# stdout:
# | -5 negative
# | 0 zero
# | 3 small
# | 42 medium
# | 1000 large
# | x > 3
# | x <= 10
# | odd five
# | all empty things are false
# | non-empty list is true
# | 1-tuple is true
