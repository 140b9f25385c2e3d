# Formatting floats: format specs in f-strings, format() and str.format, and printf-style %.
x = 1.5
print(f"{x:.2f} {x:8.3f} {1234567.891:,.2f} {x:e} {x:g} {0.00001234:g} {12345678.9:g} {x:%} {x!r} {x:>8} {x:+}")
print(f"{2 / 3:.3} {1000.0:.3} {10.0:.3} {0.5:.0%} {-0.0:.1f} {1e100:g} {123.456:_.1f} {9.999:.2f}")
print("%.2f %5.1f %e %g %d %s %r %-8.3f| %08.2f %G" % (3.14159, 2.25, 12345.678, 0.5, 3.9, 1.5, 2.0, 1.0, -3.14159, 1e-10))
print("{:.3f} {} {!r} {:10.4e} {:^10.2f}|".format(2 / 3, 0.1, 1.0, 123.456, 3.14159))
print(format(0.1), format(2.5, "06.2f"), format(1e-7, ".2e"), format(12, "g"), format(12, ".2f"), format(1.0, "#g"))
for value in [0.0, 1.0, -1.25, 1e16, 1e-5, 123456.789, float("inf"), float("-inf"), float("nan")]:
    print(repr(value), str(value), f"{value:10.3f}|{value:<10g}|{value:+.2e}")
items = [("apples", 3, 0.5), ("pears", 12, 0.25), ("melons", 1, 2.75)]
for name, count, price in items:
    print(f"{name:<8}{count:>4} x {price:5.2f} = {count * price:6.2f}")
print("total: %.2f" % sum([count * price for name, count, price in items]))
# --- expected (CPython 3.11; EMLAB_BLESS=1 cargo test -p emlab --test differential) ---
# exit: 0
# stdout:
# | 1.50    1.500 1,234,567.89 1.500000e+00 1.5 1.234e-05 1.23457e+07 150.000000% 1.5      1.5 +1.5
# | 0.667 1e+03 10.0 50% -0.0 1e+100 123.5 10.00
# | 3.14   2.2 1.234568e+04 0.5 3 1.5 2.0 1.000   | -0003.14 1E-10
# | 0.667 0.1 1.0 1.2346e+02    3.14   |
# | 0.1 002.50 1.00e-07 12 12.00 1.00000
# | 0.0 0.0      0.000|0         |+0.00e+00
# | 1.0 1.0      1.000|1         |+1.00e+00
# | -1.25 -1.25     -1.250|-1.25     |-1.25e+00
# | 1e+16 1e+16 10000000000000000.000|1e+16     |+1.00e+16
# | 1e-05 1e-05      0.000|1e-05     |+1.00e-05
# | 123456.789 123456.789 123456.789|123457    |+1.23e+05
# | inf inf        inf|inf       |+inf
# | -inf -inf       -inf|-inf      |-inf
# | nan nan        nan|nan       |+nan
# | apples     3 x  0.50 =   1.50
# | pears     12 x  0.25 =   3.00
# | melons     1 x  2.75 =   2.75
# | total: 7.25
