# repr escapes what is not printable, as Python does: \xNN, \uNNNN, \UNNNNNNNN.
print(repr("\xa0"), repr("\u200b"), repr("\x85"), repr("\u2028"))
print(repr("caf\xe9"), repr("\u4e2d"), repr("\U0001f600"), repr("\U000e0001"))
print(["a\xa0b", "\x00\x1f\x7f", "\u00ad"])
print(("tab\t", "nbsp\xa0"))
print({"\u200b": 1})
print(str("\xa0") == "\xa0", len(repr("\u200b")))
# --- expected (CPython 3.11; EMLAB_BLESS=1 cargo test -p emlab --test differential) ---
# exit: 0
# stdout:
# | '\xa0' '\u200b' '\x85' '\u2028'
# | 'café' '中' '😀' '\U000e0001'
# | ['a\xa0b', '\x00\x1f\x7f', '\xad']
# | ('tab\t', 'nbsp\xa0')
# | {'\u200b': 1}
# | True 8
