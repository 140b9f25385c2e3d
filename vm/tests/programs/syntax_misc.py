# Lexical odds and ends: comments, blank lines, multi-line displays, trailing commas, indentation widths.
x = 1  # a trailing comment

# a comment on its own line, then a blank line

values = [
    1,
    2,  # comment inside a display
    3,
]
table = {
    "a": (1, 2),
    "b": [
        "nested",
        "lines",
    ],
}
pair = (4,
        5)
print(values, table, pair)
total = (1 +
         2 +
         3)
print(total)
if x == 1:
  print("two-space indent")
  if total > 5:
          print("ten-space indent")
print(max(1,
          9,
          3))
def f(a,
      b):
    # comment as the first line of a body
    return a * b
print(f(6, 7))
print(("a", "b",), ["c",], {"d": 1,})
print((1))
print(((((2)))))
# --- expected (CPython 3.11; EMLAB_BLESS=1 cargo test -p emlab --test differential) ---
# exit: 0
# stdout:
# | [1, 2, 3] {'a': (1, 2), 'b': ['nested', 'lines']} (4, 5)
# | 6
# | two-space indent
# | ten-space indent
# | 9
# | 42
# | ('a', 'b') ['c'] {'d': 1}
# | 1
# | 2
