# sum() over lists and tuples of ints, empty sums, sums of computed lists.
print(sum([1, 2, 3]))
print(sum([]))
print(sum(()))
print(sum((10, -20, 30)))
print(sum([-1, -2, -3]))
print(sum(list(range(101))))
squares = []
for i in range(1, 11):
    squares.append(i * i)
print(squares, sum(squares))
print(sum([sum([1, 2]), sum([3, 4])]))
print(sum([9223372036854775806, 1]))
def mean_floor(lst):
    return sum(lst) // len(lst)
print(mean_floor([1, 2, 3, 4]), mean_floor([-1, -2]))
nums = [5, 3, 8]
print(sum(nums) == 5 + 3 + 8)
d = {"a": 3, "b": 4}
print(sum(list(d.values())))
print(sum([0] * 100))
# --- expected (CPython 3.11; EMLAB_BLESS=1 cargo test -p emlab --test differential) ---
# exit: 0
# stdout:
# | 6
# | 0
# | 0
# | 20
# | -6
# | 5050
# | [1, 4, 9, 16, 25, 36, 49, 64, 81, 100] 385
# | 10
# | 9223372036854775807
# | 2 -2
# | True
# | 7
# | 0
