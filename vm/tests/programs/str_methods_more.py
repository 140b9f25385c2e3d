# More str methods: predicates, padding, partition, case changes, splitlines.
words = ["abc", "ABC", "Abc1", "123", "", " \t\n", "a b", "_name1", "1name", "Ünïcode", "ß", "x\x1f"]
for w in words:
    print(repr(w), w.isalpha(), w.isalnum(), w.isspace(), w.isdecimal(), w.isupper(), w.islower(), w.isidentifier())
print("|" + "ab".ljust(5) + "|" + "ab".rjust(5, "*") + "|" + "ab".center(5, "-") + "|" + "abc".center(6) + "|")
print("|" + "ab".center(4, ".") + "|" + "a".center(4) + "|" + "abc".center(2) + "|" + "x".ljust(-3) + "|")
for s in ["42", "-42", "+7", "", "abc", "-"]:
    print(repr(s.zfill(5)))
print("key=value=x".partition("="), "key=value=x".rpartition("="), "none".partition("="), "none".rpartition("="))
print("abcabc".rfind("b"), "abcabc".rfind("z"), "äbäb".rfind("b"))
print("TestCase".removeprefix("Test"), "TestCase".removesuffix("Case"), "x".removeprefix("y"))
print("hello wORLD".capitalize(), "they're bill's friends".title(), "Hello World".swapcase(), "ǆemal".title())
print("a\nb\r\nc\rd\x0be\x0cf\x1cg\u2028h".splitlines(), "a\nb\n".splitlines(True), "".splitlines(), "\n".splitlines())
table = [("name", "count"), ("apples", 3), ("kiwis", 12)]
for name, count in table:
    print(str(name).ljust(8) + str(count).rjust(6))
try:
    "x".center(5, "ab")
except TypeError as e:
    print("TypeError:", e)
try:
    "a".partition("")
except ValueError as e:
    print("ValueError:", e)
# --- expected (CPython 3.11; EMLAB_BLESS=1 cargo test -p emlab --test differential) ---
# exit: 0
# stdout:
# | 'abc' True True False False False True True
# | 'ABC' True True False False True False True
# | 'Abc1' False True False False False False True
# | '123' False True False True False False False
# | '' False False False False False False False
# | ' \t\n' False False True False False False False
# | 'a b' False False False False False True False
# | '_name1' False False False False False True True
# | '1name' False True False False False True False
# | 'Ünïcode' True True False False False False True
# | 'ß' True True False False False True True
# | 'x\x1f' False False False False False True False
# | |ab   |***ab|--ab-| abc  |
# | |.ab.| a  |abc|x|
# | '00042'
# | '-0042'
# | '+0007'
# | '00000'
# | '00abc'
# | '-0000'
# | ('key', '=', 'value=x') ('key=value', '=', 'x') ('none', '', '') ('', '', 'none')
# | 4 -1 3
# | Case Test x
# | Hello world They'Re Bill'S Friends hELLO wORLD ǅemal
# | ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'] ['a\n', 'b\n'] [] ['']
# | name     count
# | apples       3
# | kiwis       12
# | TypeError: The fill character must be exactly one character long
# | ValueError: empty separator
