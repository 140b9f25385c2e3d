# Slicing lists, tuples, strings and ranges; slice assignment and deletion on lists.
a = list(range(10))
print(a[2:5], a[:3], a[7:], a[-3:], a[:-7], a[::2], a[1::3], a[::-1], a[8:2:-2], a[-1:-4:-1])
print(a[100:], a[-100:2], a[5:2], a[:], a[::-3], a[3:3])
t = (1, 2, 3, 4, 5)
print(t[1:3], t[::-1], t[:0], t[-2:])
s = "hello, world"
print(s[:5], s[7:], s[::-1], s[::2], s[-5:-1], s[100:], repr(s[3:3]))
u = "héllo wörld"
print(u[1:4], u[::-1], u[-3:])
r = range(0, 20, 3)
print(r[2:5], r[::-1], list(r[1::2]), r[:0])
b = [1, 2, 3, 4, 5]
b[1:3] = ["x", "y", "z"]
print(b)
b[:2] = []
print(b)
b[len(b):] = [6, 7]
print(b)
b[::2] = [0, 0, 0]
print(b)
b[:] = b
print(b)
b[1:1] = (9, 9)
print(b)
del b[::3]
print(b)
del b[1:3]
print(b)
del b[:]
print(b)
c = list("abcdefgh")
c[2:6] = "XY"
print("".join(c))
c[::-1] = c
print(c)
c[5:2] = [1]
print(c)
sl = slice(1, 8, 2)
print(sl, sl.start, sl.stop, sl.step, a[sl], slice(3), a[slice(3)], slice(1, 2))


def words_from(line, n):
    parts = line.split()
    return parts[:n], parts[n:]


print(words_from("the quick brown fox jumps", 2))
matrix = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
print([row[1:] for row in matrix[1:]], matrix[-1][::-1])
queue = [5, 6, 7, 8]
head, queue = queue[0], queue[1:]
print(head, queue)
print("abc"[True:], [1, 2][False:])
for bad in ["a[::0]", "a['x':]", "a[1.5:]", "a[::2] = [1]", "a[1:2] = 5", "del t[1:2]", "t[1:2] = (1,)"]:
    try:
        exec_result = None
        if bad == "a[::0]":
            a[::0]
        elif bad == "a['x':]":
            a['x':]
        elif bad == "a[1.5:]":
            a[1.5:]
        elif bad == "a[::2] = [1]":
            a[::2] = [1]
        elif bad == "a[1:2] = 5":
            a[1:2] = 5
        elif bad == "del t[1:2]":
            del t[1:2]
        else:
            t[1:2] = (1,)
    except (ValueError, TypeError) as e:
        print(bad, "->", type(e).__name__ + ":", e)
# --- expected (CPython 3.11; EMLAB_BLESS=1 cargo test -p emlab --test differential) ---
# exit: 0
# stdout:
# | [2, 3, 4] [0, 1, 2] [7, 8, 9] [7, 8, 9] [0, 1, 2] [0, 2, 4, 6, 8] [1, 4, 7] [9, 8, 7, 6, 5, 4, 3, 2, 1, 0] [8, 6, 4] [9, 8, 7]
# | [] [0, 1] [] [0, 1, 2, 3, 4, 5, 6, 7, 8, 9] [9, 6, 3, 0] []
# | (2, 3) (5, 4, 3, 2, 1) () (4, 5)
# | hello world dlrow ,olleh hlo ol worl  ''
# | éll dlröw olléh rld
# | range(6, 15, 3) range(18, -3, -3) [3, 9, 15] range(0, 0, 3)
# | [1, 'x', 'y', 'z', 4, 5]
# | ['y', 'z', 4, 5]
# | ['y', 'z', 4, 5, 6, 7]
# | [0, 'z', 0, 5, 0, 7]
# | [0, 'z', 0, 5, 0, 7]
# | [0, 9, 9, 'z', 0, 5, 0, 7]
# | [9, 9, 0, 5, 7]
# | [9, 5, 7]
# | []
# | abXYgh
# | ['h', 'g', 'Y', 'X', 'b', 'a']
# | ['h', 'g', 'Y', 'X', 'b', 1, 'a']
# | slice(1, 8, 2) 1 8 2 [1, 3, 5, 7] slice(None, 3, None) [0, 1, 2] slice(1, 2, None)
# | (['the', 'quick'], ['brown', 'fox', 'jumps'])
# | [[5, 6], [8, 9]] [9, 8, 7]
# | 5 [6, 7, 8]
# | bc [1, 2]
# | a[::0] -> ValueError: slice step cannot be zero
# | a['x':] -> TypeError: slice indices must be integers or None or have an __index__ method
# | a[1.5:] -> TypeError: slice indices must be integers or None or have an __index__ method
# | a[::2] = [1] -> ValueError: attempt to assign sequence of size 1 to extended slice of size 5
# | a[1:2] = 5 -> TypeError: can only assign an iterable
# | del t[1:2] -> TypeError: 'tuple' object does not support item deletion
# | t[1:2] = (1,) -> TypeError: 'tuple' object does not support item assignment
