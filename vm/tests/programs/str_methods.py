# The str methods threaded programs use most, and str.format.
line = "  worker-3: 12 jobs, 4 failed  "
print(line.strip(), "|", line.lstrip(), "|", line.rstrip(), "|")
print(line.split(), line.split(","), line.strip().split(":", 1))
print("a,b,,c".split(","), "a b c".split(None, 1), "x--y--z".split("--", maxsplit=1))
print("-".join(["a", "b", "c"]), ", ".join("xyz"), "".join([]))
print("hello".replace("l", "L"), "hello".replace("l", "L", 1), "banana".count("a"), "banana".count(""))
print("banana".find("na"), "banana".find("x"), "banana".index("n"))
print("report.txt".endswith(".txt"), "report.txt".startswith(("a", "r")), "abc".upper(), "ABC".lower())
print("123".isdigit(), "12a".isdigit(), "".isdigit(), "xxhixx".strip("x"))
print("{} + {} = {}".format(2, 3, 5), "{0}{1}{0}".format("ab", "-"), "{name} has {n:>4} items".format(name="q", n=7))
print("{!r:>8}|{:*^9}|{:,}".format("x", "mid", 1234567), "{{}} {0[1]} {d[k]}".format([5, 6], d={"k": "v"}))
print("{:{w}}|".format(42, w=6), "{:>{}}|".format("r", 4))
words = "the quick brown fox".split()
print(len(words), words[-1].upper(), " ".join(words).replace(" ", "_"))
# --- expected (CPython 3.11; EMLAB_BLESS=1 cargo test -p emlab --test differential) ---
# exit: 0
# stdout:
# | worker-3: 12 jobs, 4 failed | worker-3: 12 jobs, 4 failed   |   worker-3: 12 jobs, 4 failed |
# | ['worker-3:', '12', 'jobs,', '4', 'failed'] ['  worker-3: 12 jobs', ' 4 failed  '] ['worker-3', ' 12 jobs, 4 failed']
# | ['a', 'b', '', 'c'] ['a', 'b c'] ['x', 'y--z']
# | a-b-c x, y, z 
# | heLLo heLlo 3 7
# | 2 -1 2
# | True True ABC abc
# | True False False hi
# | 2 + 3 = 5 ab-ab q has    7 items
# |      'x'|***mid***|1,234,567 {} 6 v
# |     42|    r|
# | 4 FOX the_quick_brown_fox
