# concurrent.futures: Future, ThreadPoolExecutor, as_completed and wait, built as CPython's
# Lib/concurrent/futures are (a Future is a state under a Condition; workers take work items
# from a SimpleQueue), over emlab's threading and queue. Written for emlab.
import threading
import queue

FIRST_COMPLETED = "FIRST_COMPLETED"
FIRST_EXCEPTION = "FIRST_EXCEPTION"
ALL_COMPLETED = "ALL_COMPLETED"

_PENDING = "PENDING"
_RUNNING = "RUNNING"
_CANCELLED = "CANCELLED"
_FINISHED = "FINISHED"


class Error(Exception):
    pass


class CancelledError(Error):
    pass


# As in CPython 3.11: the built-in TimeoutError (an OSError), not a subclass of Error.
TimeoutError = TimeoutError


class InvalidStateError(Error):
    pass


class BrokenExecutor(RuntimeError):
    pass


class Future:
    def __init__(self):
        self._condition = threading.Condition()
        self._state = _PENDING
        self._result = None
        self._exception = None
        self._waiters = []
        self._done_callbacks = []

    def __repr__(self):
        with self._condition:
            if self._state == _FINISHED:
                if self._exception is not None:
                    return "<Future state=finished raised %s>" % type(self._exception).__name__
                return "<Future state=finished returned %s>" % type(self._result).__name__
            return "<Future state=%s>" % self._state.lower()

    def _invoke_callbacks(self):
        for callback in self._done_callbacks:
            callback(self)

    def cancel(self):
        with self._condition:
            if self._state == _RUNNING or self._state == _FINISHED:
                return False
            if self._state == _CANCELLED:
                return True
            self._state = _CANCELLED
            for waiter in self._waiters:
                waiter.add_cancelled(self)
            self._condition.notify_all()
        self._invoke_callbacks()
        return True

    def cancelled(self):
        with self._condition:
            return self._state == _CANCELLED

    def running(self):
        with self._condition:
            return self._state == _RUNNING

    def done(self):
        with self._condition:
            return self._state == _CANCELLED or self._state == _FINISHED

    def _outcome(self):
        if self._exception is not None:
            raise self._exception
        return self._result

    def result(self, timeout=None):
        with self._condition:
            if self._state == _CANCELLED:
                raise CancelledError()
            if self._state == _FINISHED:
                return self._outcome()
            self._condition.wait(timeout)
            if self._state == _CANCELLED:
                raise CancelledError()
            if self._state == _FINISHED:
                return self._outcome()
            raise TimeoutError()

    def exception(self, timeout=None):
        with self._condition:
            if self._state == _CANCELLED:
                raise CancelledError()
            if self._state == _FINISHED:
                return self._exception
            self._condition.wait(timeout)
            if self._state == _CANCELLED:
                raise CancelledError()
            if self._state == _FINISHED:
                return self._exception
            raise TimeoutError()

    def add_done_callback(self, fn):
        with self._condition:
            if self._state != _CANCELLED and self._state != _FINISHED:
                self._done_callbacks.append(fn)
                return
        fn(self)

    def set_running_or_notify_cancel(self):
        with self._condition:
            if self._state == _CANCELLED:
                return False
            if self._state == _PENDING:
                self._state = _RUNNING
                return True
            raise RuntimeError("Future in unexpected state")

    def set_result(self, result):
        with self._condition:
            if self._state == _CANCELLED or self._state == _FINISHED:
                raise InvalidStateError("%s: %r" % (self._state, self))
            self._result = result
            self._state = _FINISHED
            for waiter in self._waiters:
                waiter.add_result(self)
            self._condition.notify_all()
        self._invoke_callbacks()

    def set_exception(self, exception):
        with self._condition:
            if self._state == _CANCELLED or self._state == _FINISHED:
                raise InvalidStateError("%s: %r" % (self._state, self))
            self._exception = exception
            self._state = _FINISHED
            for waiter in self._waiters:
                waiter.add_exception(self)
            self._condition.notify_all()
        self._invoke_callbacks()


class _WorkItem:
    def __init__(self, future, fn, args, kwargs):
        self.future = future
        self.fn = fn
        self.args = args
        self.kwargs = kwargs

    def run(self):
        if not self.future.set_running_or_notify_cancel():
            return
        try:
            result = self.fn(*self.args, **self.kwargs)
        except BaseException as exc:
            self.future.set_exception(exc)
        else:
            self.future.set_result(result)


def _worker(executor):
    while True:
        item = executor._work_queue.get()
        if item is not None:
            item.run()
            executor._idle_semaphore.release()
            continue
        # The executor shut down: wake the next worker, and end.
        executor._work_queue.put(None)
        return


_counter = [0]


class Executor:
    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc_val, exc_tb):
        self.shutdown(wait=True)
        return False


class ThreadPoolExecutor(Executor):
    def __init__(self, max_workers=None, thread_name_prefix="", initializer=None, initargs=()):
        if max_workers is None:
            max_workers = 5
        if max_workers <= 0:
            raise ValueError("max_workers must be greater than 0")
        self._max_workers = max_workers
        self._work_queue = queue.SimpleQueue()
        self._idle_semaphore = threading.Semaphore(0)
        self._threads = []
        self._shutdown = False
        self._shutdown_lock = threading.Lock()
        self._initializer = initializer
        self._initargs = initargs
        if not thread_name_prefix:
            _counter[0] += 1
            thread_name_prefix = "ThreadPoolExecutor-%d" % (_counter[0] - 1)
        self._thread_name_prefix = thread_name_prefix

    def submit(self, fn, *args, **kwargs):
        with self._shutdown_lock:
            if self._shutdown:
                raise RuntimeError("cannot schedule new futures after shutdown")
            future = Future()
            self._work_queue.put(_WorkItem(future, fn, args, kwargs))
            self._adjust_thread_count()
            return future

    def _adjust_thread_count(self):
        if self._idle_semaphore.acquire(timeout=0):
            return
        count = len(self._threads)
        if count < self._max_workers:
            name = "%s_%d" % (self._thread_name_prefix, count)
            thread = threading.Thread(name=name, target=self._run_worker)
            thread.start()
            self._threads.append(thread)

    def _run_worker(self):
        if self._initializer is not None:
            self._initializer(*self._initargs)
        _worker(self)

    def map(self, fn, *iterables, timeout=None, chunksize=1):
        futures = [self.submit(fn, *args) for args in zip(*iterables)]
        return _results(futures, timeout)

    def shutdown(self, wait=True, *, cancel_futures=False):
        with self._shutdown_lock:
            self._shutdown = True
            if cancel_futures:
                while True:
                    try:
                        item = self._work_queue.get_nowait()
                    except queue.Empty:
                        break
                    if item is not None:
                        item.future.cancel()
            self._work_queue.put(None)
        if wait:
            for thread in self._threads:
                thread.join()


def _results(futures, timeout):
    futures.reverse()
    try:
        while futures:
            yield futures.pop().result(timeout)
    finally:
        for future in futures:
            future.cancel()


class _Waiter:
    """What `as_completed` and `wait` wait on: every future they watch tells it when it ends."""

    def __init__(self):
        self.event = threading.Event()
        self.lock = threading.Lock()
        self.finished = []

    def _add(self, future):
        with self.lock:
            self.finished.append(future)
        self.event.set()

    def add_result(self, future):
        self._add(future)

    def add_exception(self, future):
        self._add(future)

    def add_cancelled(self, future):
        self._add(future)


def _finished(fs):
    return [f for f in fs if f._state == _CANCELLED or f._state == _FINISHED]


def as_completed(fs, timeout=None):
    fs = list(fs)
    pending = []
    waiter = _Waiter()
    for f in fs:
        with f._condition:
            if f._state == _CANCELLED or f._state == _FINISHED:
                yield f
            else:
                pending.append(f)
                f._waiters.append(waiter)
    try:
        while pending:
            if not waiter.event.wait(timeout):
                raise TimeoutError("%d (of %d) futures unfinished" % (len(pending), len(fs)))
            with waiter.lock:
                finished = waiter.finished
                waiter.finished = []
                waiter.event.clear()
            for f in finished:
                if f in pending:
                    pending.remove(f)
                    yield f
    finally:
        for f in fs:
            with f._condition:
                if waiter in f._waiters:
                    f._waiters.remove(waiter)


class DoneAndNotDoneFutures:
    def __init__(self, done, not_done):
        self.done = done
        self.not_done = not_done

    def __iter__(self):
        return iter((self.done, self.not_done))

    def __getitem__(self, i):
        return (self.done, self.not_done)[i]

    def __len__(self):
        return 2


def wait(fs, timeout=None, return_when=ALL_COMPLETED):
    fs = set(fs)
    waiter = _Waiter()
    for f in fs:
        with f._condition:
            f._waiters.append(waiter)
    while True:
        # Cleared before looking: an end after the look sets it again, so none is missed.
        waiter.event.clear()
        done = set(_finished(fs))
        if len(done) == len(fs):
            break
        if return_when == FIRST_COMPLETED and done:
            break
        if return_when == FIRST_EXCEPTION and any(f._exception is not None for f in done):
            break
        if not waiter.event.wait(timeout):
            break
    for f in fs:
        with f._condition:
            if waiter in f._waiters:
                f._waiters.remove(waiter)
    done = set(_finished(fs))
    return DoneAndNotDoneFutures(done, fs - done)
