# str() of every value type, and str() used for building text.
print(str(42))
print(str(-7))
print(str(0))
print(str(True), str(False))
print(str(None))
print(str("already a string"))
print(str([1, "a", None]))
print(str((1,)))
print(str(()))
print(str({"a": [1, 2]}))
print(str(""))
print(len(str(123456)))
print(str(9223372036854775807))
s = "n=" + str(5) + ", m=" + str(-5)
print(s)
print(str(1) + str(2) + str(3))
print(str(str(7)))
print(str([str(1), 2]))
out = ""
for i in range(5):
    out = out + str(i * i) + ","
print(out)
print(str(1 == 1), str(1 == 2))
print(str(["it's"]))
print(str({None: True}))
print(repr(str(10)), str(repr(10)))
# --- expected (CPython 3.11; EMLAB_BLESS=1 cargo test -p emlab --test differential) ---
# exit: 0
# stdout:
# | 42
# | -7
# | 0
# | True False
# | None
# | already a string
# | [1, 'a', None]
# | (1,)
# | ()
# | {'a': [1, 2]}
# |
# | 6
# | 9223372036854775807
# | n=5, m=-5
# | 123
# | 7
# | ['1', 2]
# | 0,1,4,9,16,
# | True False
# | ["it's"]
# | {None: True}
# | '10' 10
