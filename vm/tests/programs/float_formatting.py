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
