# printf-style formatting with %: flags, widths, precision, tuples, one value, mappings.
name = "t1"
done = 42
print("%s finished %d jobs" % (name, done))
print("%5d|%-5d|%05d|%+d|% d" % (done, done, done, done, done))
print("%x %X %#x %o %#o" % (255, 255, 255, 8, 8))
print("%r %s %a" % ("quote'd", None, "héllo"))
print("%.2f %5.1f %e %%" % (3, 7, 12345))
print("%-8s|%8s|%.2s|" % ("left", "right", "truncate"))
print("%c%c" % (72, "i"))
print("%*d|%-*d|" % (6, 1, 6, 2))
print("%(who)s has %(n)03d items" % {"who": "queue", "n": 7})
print("single: %s" % [1, 2])
print("tuple as one: %s" % ((1, 2),))
print("bools: %d %s" % (True, False))
print("no args" % ())
# --- expected (CPython 3.11; EMLAB_BLESS=1 cargo test -p emlab --test differential) ---
# exit: 0
# stdout:
# | t1 finished 42 jobs
# |    42|42   |00042|+42| 42
# | ff FF 0xff 10 0o10
# | "quote'd" None 'h\xe9llo'
# | 3.00   7.0 1.234500e+04 %
# | left    |   right|tr|
# | Hi
# |      1|2     |
# | queue has 007 items
# | single: [1, 2]
# | tuple as one: (1, 2)
# | bools: 1 False
# | no args
