# list methods: append, pop, pop(i), insert (negative/out-of-range), extend, index.
lst = []
lst.append(1)
lst.append("two")
lst.append([3])
print(lst)
print(lst.pop(), lst)
print(lst.pop(0), lst)
lst = [10, 20, 30, 40, 50]
print(lst.pop(-2), lst)
print(lst.pop(1), lst)
lst.insert(0, "front")
print(lst)
lst.insert(2, "middle")
print(lst)
lst.insert(-1, "before-last")
print(lst)
lst.insert(100, "end")
print(lst)
lst.insert(-100, "start")
print(lst)
e = []
e.insert(5, "only")
e.insert(-5, "first")
print(e)
a = [1, 2]
a.extend([3, 4])
a.extend(())
a.extend((5,))
a.extend([])
print(a)
a.extend(a)
print(a)
print(a.index(1), a.index(5), a.index(3))
words = ["x", "y", "z", "y"]
print(words.index("y"), words.index("z"))
r = lst.append(0)
print(r)
print([1, 2, 3].pop(), [1, 2, 3].index(2))
stack = []
for i in range(5):
    stack.append(i * i)
while stack:
    print(stack.pop(), len(stack))
# --- expected (CPython 3.11; EMLAB_BLESS=1 cargo test -p emlab --test differential) ---
# exit: 0
# stdout:
# | [1, 'two', [3]]
# | [3] [1, 'two']
# | 1 ['two']
# | 40 [10, 20, 30, 50]
# | 20 [10, 30, 50]
# | ['front', 10, 30, 50]
# | ['front', 10, 'middle', 30, 50]
# | ['front', 10, 'middle', 30, 'before-last', 50]
# | ['front', 10, 'middle', 30, 'before-last', 50, 'end']
# | ['start', 'front', 10, 'middle', 30, 'before-last', 50, 'end']
# | ['first', 'only']
# | [1, 2, 3, 4, 5]
# | [1, 2, 3, 4, 5, 1, 2, 3, 4, 5]
# | 0 4 2
# | 1 2
# | None
# | 3 1
# | 16 4
# | 9 3
# | 4 2
# | 1 1
# | 0 0
