# emlab's `queue`: FIFO, LIFO, priority and simple queues for threads, written in Python on
# `threading`'s conditions (one lock, three conditions over it), as CPython builds its own.
import threading
from time import monotonic as _time


class Empty(Exception):
    "Raised by get(block=False) (or a get that times out) on an empty queue."
    pass


class Full(Exception):
    "Raised by put(block=False) (or a put that times out) on a full queue."
    pass


class Queue:
    """A first-in, first-out queue; `maxsize` > 0 bounds it. `task_done` and `join` count the
    items taken that are not yet processed."""

    def __init__(self, maxsize=0):
        self.maxsize = maxsize
        self._init(maxsize)
        self.mutex = threading.Lock()
        self.not_empty = threading.Condition(self.mutex)
        self.not_full = threading.Condition(self.mutex)
        self.all_tasks_done = threading.Condition(self.mutex)
        self.unfinished_tasks = 0

    def task_done(self):
        with self.all_tasks_done:
            unfinished = self.unfinished_tasks - 1
            if unfinished <= 0:
                if unfinished < 0:
                    raise ValueError("task_done() called too many times")
                self.all_tasks_done.notify_all()
            self.unfinished_tasks = unfinished

    def join(self):
        with self.all_tasks_done:
            while self.unfinished_tasks:
                self.all_tasks_done.wait()

    def qsize(self):
        with self.mutex:
            return self._qsize()

    def empty(self):
        with self.mutex:
            return not self._qsize()

    def full(self):
        with self.mutex:
            return 0 < self.maxsize <= self._qsize()

    def put(self, item, block=True, timeout=None):
        with self.not_full:
            if self.maxsize > 0:
                if not block:
                    if self._qsize() >= self.maxsize:
                        raise Full
                elif timeout is None:
                    while self._qsize() >= self.maxsize:
                        self.not_full.wait()
                elif timeout < 0:
                    raise ValueError("'timeout' must be a non-negative number")
                else:
                    deadline = _time() + timeout
                    while self._qsize() >= self.maxsize:
                        remaining = deadline - _time()
                        if remaining <= 0.0:
                            raise Full
                        self.not_full.wait(remaining)
            self._put(item)
            self.unfinished_tasks += 1
            self.not_empty.notify()

    def get(self, block=True, timeout=None):
        with self.not_empty:
            if not block:
                if not self._qsize():
                    raise Empty
            elif timeout is None:
                while not self._qsize():
                    self.not_empty.wait()
            elif timeout < 0:
                raise ValueError("'timeout' must be a non-negative number")
            else:
                deadline = _time() + timeout
                while not self._qsize():
                    remaining = deadline - _time()
                    if remaining <= 0.0:
                        raise Empty
                    self.not_empty.wait(remaining)
            item = self._get()
            self.not_full.notify()
            return item

    def put_nowait(self, item):
        return self.put(item, block=False)

    def get_nowait(self):
        return self.get(block=False)

    # The storage, for the subclasses to change.
    def _init(self, maxsize):
        self.queue = []

    def _qsize(self):
        return len(self.queue)

    def _put(self, item):
        self.queue.append(item)

    def _get(self):
        return self.queue.pop(0)


class LifoQueue(Queue):
    """A last-in, first-out queue (a stack)."""

    def _get(self):
        return self.queue.pop()


class PriorityQueue(Queue):
    """Takes the smallest item first (items are often `(priority, data)` tuples); equal items in
    the order they were put."""

    def _put(self, item):
        at = len(self.queue)
        while at > 0 and item < self.queue[at - 1]:
            at -= 1
        self.queue.insert(at, item)


class SimpleQueue:
    """An unbounded first-in, first-out queue without task tracking."""

    def __init__(self):
        self._items = []
        self._cond = threading.Condition(threading.Lock())

    def put(self, item, block=True, timeout=None):
        with self._cond:
            self._items.append(item)
            self._cond.notify()

    def put_nowait(self, item):
        self.put(item, False)

    def get(self, block=True, timeout=None):
        if timeout is not None and timeout < 0:
            raise ValueError("'timeout' must be a non-negative number")
        with self._cond:
            if not block:
                if not self._items:
                    raise Empty
            elif timeout is None:
                while not self._items:
                    self._cond.wait()
            else:
                deadline = _time() + timeout
                while not self._items:
                    remaining = deadline - _time()
                    if remaining <= 0.0:
                        raise Empty
                    self._cond.wait(remaining)
            return self._items.pop(0)

    def get_nowait(self):
        return self.get(False)

    def empty(self):
        with self._cond:
            return not self._items

    def qsize(self):
        with self._cond:
            return len(self._items)
