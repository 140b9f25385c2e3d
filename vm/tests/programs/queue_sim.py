# A list used as a FIFO queue and a LIFO stack: round-robin scheduling simulation.
queue = []
for name, work in [("a", 5), ("b", 2), ("c", 7), ("d", 1)]:
    queue.append([name, work])
quantum = 2
clock = 0
finished = []
while queue:
    job = queue.pop(0)
    run = min(job[1], quantum)
    job[1] -= run
    clock += run
    if job[1] > 0:
        queue.append(job)
    else:
        finished.append((job[0], clock))
print(finished)
print(clock)
def balanced(s):
    stack = []
    pairs = {")": "(", "]": "[", "}": "{"}
    for ch in s:
        if ch in "([{":
            stack.append(ch)
        elif ch in pairs:
            if not stack or stack.pop() != pairs[ch]:
                return False
    return len(stack) == 0
for s in ["()", "([]{})", "(]", "((", "", "{[()()]}", ")("]:
    print(repr(s), balanced(s))
dq = [3]
dq.insert(0, 2)
dq.insert(0, 1)
dq.append(4)
print(dq.pop(0), dq.pop(), dq)
# --- expected (CPython 3.11; EMLAB_BLESS=1 cargo test -p emlab --test differential) ---
# exit: 0
# stdout:
# | [('b', 4), ('d', 7), ('a', 12), ('c', 15)]
# | 15
# | '()' True
# | '([]{})' True
# | '(]' False
# | '((' False
# | '' True
# | '{[()()]}' True
# | ')(' False
# | 1 4 [2, 3]
