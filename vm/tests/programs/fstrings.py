# f-strings: fields, conversions, format specs (nested too), `=`, and format().
name = "worker"
count = 7
items = [1, 2, 3]
print(f"{name} finished {count} jobs")
print(f"{name!r} {name!s} {name!a} {'héllo'!a}")
print(f"[{count:5}] [{count:<5}] [{count:^5}] [{count:05}] [{-count:+05}]")
print(f"{255:x} {255:#X} {255:#010b} {1234567:,} {1234567:_} {42:c}")
print(f"{5:.2f} {1:.1%} {12345:.3e} {count:>{count}} {name:*^{count + 5}}")
print(f"{name:>10}|{name:<10}|{name:.3}")
print(f"{{literal braces}} {items} {items[1] * 10} {len(items)}")
print(f"{count=} {count * 2 = } {name=!s} {count=:>4}")
print(f"{'nested ' + f'{count}'}" f" and plain" " strings")
print(f"{True} {True:>5} {None} {(1, 2)} {{}}")
width = 6
for row in range(3):
    print(f"{row:>{width}}|{row * row:<{width}}|")
print(format(42), format(42, "08b"), format("x", "^5"), format(True), format(None))
print(rf"raw \n {count}")
print(f"""multi
line {count}""")
# --- expected (CPython 3.11; EMLAB_BLESS=1 cargo test -p emlab --test differential) ---
# exit: 0
# stdout:
# | worker finished 7 jobs
# | 'worker' worker 'worker' 'h\xe9llo'
# | [    7] [7    ] [  7  ] [00007] [-0007]
# | ff 0XFF 0b11111111 1,234,567 1_234_567 *
# | 5.00 100.0% 1.234e+04       7 ***worker***
# |     worker|worker    |wor
# | {literal braces} [1, 2, 3] 20 3
# | count=7 count * 2 = 14 name=worker count=   7
# | nested 7 and plain strings
# | True     1 None (1, 2) {}
# |      0|0     |
# |      1|1     |
# |      2|4     |
# | 42 00101010   x   True None
# | raw \n 7
# | multi
# | line 7
