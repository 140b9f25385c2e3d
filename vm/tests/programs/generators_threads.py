# Threads and generators: a pipeline per thread, and one generator shared under a lock.
import threading


def numbers(start, stop):
    for n in range(start, stop):
        yield n


def squares(source):
    for n in source:
        yield n * n


def only_even(source):
    return (n for n in source if n % 2 == 0)


totals = {}


def pipeline(name, start, stop):
    totals[name] = sum(only_even(squares(numbers(start, stop))))


workers = [threading.Thread(target=pipeline, args=(k, k * 10, k * 10 + 10)) for k in range(4)]
for w in workers:
    w.start()
for w in workers:
    w.join()
print(sorted(totals.items()))

tasks = (f"task-{i}" for i in range(20))
lock = threading.Lock()
done = []


def take_tasks():
    while True:
        with lock:
            task = next(tasks, None)
        if task is None:
            return
        done.append(task)


workers = [threading.Thread(target=take_tasks) for _ in range(3)]
for w in workers:
    w.start()
for w in workers:
    w.join()
print(len(done), sorted(done) == sorted(f"task-{i}" for i in range(20)))


def ticket_machine():
    number = 0
    while True:
        number += 1
        yield number


machine = ticket_machine()
tickets = []


def customer():
    for _ in range(5):
        with lock:
            tickets.append(next(machine))


workers = [threading.Thread(target=customer) for _ in range(4)]
for w in workers:
    w.start()
for w in workers:
    w.join()
print(sorted(tickets) == list(range(1, 21)))
# --- expected (CPython 3.11; EMLAB_BLESS=1 cargo test -p emlab --test differential) ---
# exit: 0
# stdout:
# | [(0, 120), (1, 1020), (2, 2920), (3, 5820)]
# | 20 True
# | True
