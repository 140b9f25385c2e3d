# String literals: both quote styles and the escapes \n \t \\ \' \".
print('single quoted')
print("double quoted")
print('has "double" inside')
print("has 'single' inside")
print('escaped \'single\'')
print("escaped \"double\"")
print("tab:\tend")
print("line1\nline2")
print("backslash: \\")
print("a\\nb")
print('')
print("")
print(len("\n"), len("\\"), len("\t"), len('\''), len("\""))
print(len("hello"), len(""))
s = "x\ty\nz"
print(len(s))
print(s)
print("mixed 'both' \"kinds\"")
print('It\'s')
print("\\\\")
print("ends with newline\n")
empty = ""
print(empty == '', "abc" == 'abc')
print("caf" + "e", "q" * 0)
print("#not a comment")
# --- expected (CPython 3.11; EMLAB_BLESS=1 cargo test -p emlab --test differential) ---
# exit: 0
# stdout:
# | single quoted
# | double quoted
# | has "double" inside
# | has 'single' inside
# | escaped 'single'
# | escaped "double"
# | tab:	end
# | line1
# | line2
# | backslash: \
# | a\nb
# |
# |
# | 1 1 1 1 1
# | 5 0
# | 5
# | x	y
# | z
# | mixed 'both' "kinds"
# | It's
# | \\
# | ends with newline
# |
# | True True
# | cafe 
# | #not a comment
