# AttributeError: a method the class does not define, looked up before the arguments are evaluated.
class Queue:
    def __init__(self):
        self.items = []

    def push(self, x):
        self.items.append(x)


def noisy():
    print("evaluated")
    return 1


q = Queue()
q.push(noisy())
q.pop_front(noisy())
# --- expected (CPython 3.11; EMLAB_BLESS=1 cargo test -p emlab --test differential) ---
# exit: 1
# stderr ends: AttributeError: 'Queue' object has no attribute 'pop_front'
# stdout:
# | evaluated
