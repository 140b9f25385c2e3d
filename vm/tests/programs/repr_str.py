# repr of strings: CPython's quote selection and escaping rules.
print(repr("plain"))
print(repr(''))
print(repr("it's"))
print(repr('say "hi"'))
print(repr("it's \"both\""))
print(repr('it\'s'))
print(repr("line\nbreak"))
print(repr("tab\there"))
print(repr("back\\slash"))
print(repr("\\n is not a newline"))
print(repr("'"))
print(repr('"'))
print(repr("'\""))
print(repr("\n\t\\"))
print(repr(repr("x")))
print(repr(repr("it's")))
print(["it's", 'say "hi"', "a\nb", "tab\t", "\\"])
print(("'",))
print({"key's": "val\"ue"})
s = "a'b"
print(s, repr(s), str(s))
print(repr(str(5)), repr("5"))
print(repr("#"))
print(repr("  spaces  "))
# --- expected (CPython 3.11; EMLAB_BLESS=1 cargo test -p emlab --test differential) ---
# exit: 0
# stdout:
# | 'plain'
# | ''
# | "it's"
# | 'say "hi"'
# | 'it\'s "both"'
# | "it's"
# | 'line\nbreak'
# | 'tab\there'
# | 'back\\slash'
# | '\\n is not a newline'
# | "'"
# | '"'
# | '\'"'
# | '\n\t\\'
# | "'x'"
# | '"it\'s"'
# | ["it's", 'say "hi"', 'a\nb', 'tab\t', '\\']
# | ("'",)
# | {"key's": 'val"ue'}
# | a'b "a'b" a'b
# | '5' '5'
# | '#'
# | '  spaces  '
