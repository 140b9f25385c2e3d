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
