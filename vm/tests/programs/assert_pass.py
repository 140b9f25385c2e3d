# assert statements that hold (with and without messages).
assert True
assert 1
assert "non-empty"
assert [0]
assert 1 + 1 == 2
assert 2 > 1, "math is broken"
assert not [], "empty list should be false"
x = [1, 2, 3]
assert len(x) == 3, x
assert x[-1] == 3
assert "b" in "abc"
assert None is None
assert {} == {}
def check(n):
    assert n >= 0, "negative"
    return n * 2
print(check(4))
for i in range(5):
    assert i < 5
print("all asserts passed")
total = 0
for i in range(10):
    total += i
    assert total >= i, "monotone"
print(total)
assert (1, 2) != (2, 1)
print("ok")
# --- expected (CPython 3.11; EMLAB_BLESS=1 cargo test -p emlab --test differential) ---
# exit: 0
# stdout:
# | 8
# | all asserts passed
# | 45
# | ok
