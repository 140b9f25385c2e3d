# A float divided by zero raises CPython's ZeroDivisionError, with its float message.
def average(values):
    return sum(values) / len(values) * 1.0


print(average([1.5, 2.5]))
print(1.5 % 0.5, 2 ** 0.5 > 1.4)
print(average([]) + 0.0 / 0.0)
# --- expected (CPython 3.11; EMLAB_BLESS=1 cargo test -p emlab --test differential) ---
# exit: 1
# stderr ends: ZeroDivisionError: division by zero
# stdout:
# | 2.0
# | 0.0 True
