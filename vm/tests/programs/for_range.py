# range with 1, 2 and 3 arguments, negative steps, empty ranges, list(range(...)).
for i in range(3):
    print("r1", i)
for i in range(2, 5):
    print("r2", i)
for i in range(0, 10, 3):
    print("r3", i)
for i in range(5, 0, -1):
    print("down", i)
for i in range(10, -10, -7):
    print("neg step", i)
for i in range(0):
    print("never")
for i in range(5, 2):
    print("never")
for i in range(2, 5, -1):
    print("never")
for i in range(-3):
    print("never")
print(list(range(5)))
print(list(range(-2, 3)))
print(list(range(1, 20, 4)))
print(list(range(20, 1, -4)))
print(list(range(0, -5, -1)))
print(list(range(3, 3)))
print(list(range(7, 8, 100)))
print(len(list(range(1000))))
total = 0
for i in range(1, 101):
    total += i
print(total)
# --- expected (CPython 3.11; EMLAB_BLESS=1 cargo test -p emlab --test differential) ---
# exit: 0
# stdout:
# | r1 0
# | r1 1
# | r1 2
# | r2 2
# | r2 3
# | r2 4
# | r3 0
# | r3 3
# | r3 6
# | r3 9
# | down 5
# | down 4
# | down 3
# | down 2
# | down 1
# | neg step 10
# | neg step 3
# | neg step -4
# | [0, 1, 2, 3, 4]
# | [-2, -1, 0, 1, 2]
# | [1, 5, 9, 13, 17]
# | [20, 16, 12, 8, 4]
# | [0, -1, -2, -3, -4]
# | []
# | [7]
# | 1000
# | 5050
