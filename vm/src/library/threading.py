# emlab's `threading`: threads, locks, conditions, semaphores, events and barriers, written in
# Python on the VM's `_thread` (threads, locks with timeouts, identities) and `time`, the way
# CPython builds its own. Every blocking operation here ends in a `_thread` lock's acquire, so
# the checker sees each one as the lock operations it is made of.
import _thread
from time import monotonic as _time

get_ident = _thread.get_ident
Lock = _thread.allocate_lock
TIMEOUT_MAX = _thread.TIMEOUT_MAX
ThreadError = _thread.error


class _local(_thread._local):
    """Thread-local data: each thread that uses the object sees attributes of its own (the VM
    keeps an instance per thread, so no thread's steps touch another's); a subclass's
    `__init__` runs again, with the same arguments, in each thread that uses the object."""


local = _local

# Each thread's Thread object lives in the VM's slot for the thread (`_thread._set_current`), not
# in a dict that every thread would write: only the thread itself reads it. Names handed out:
_counter = [0]
_dummies = [0]


def _newname(template):
    _counter[0] += 1
    return template % _counter[0]


class RLock:
    """A lock its owner may take again: released when released as often as taken."""

    def __init__(self):
        self._block = _thread.allocate_lock()
        self._owner = None
        self._count = 0

    def acquire(self, blocking=True, timeout=-1):
        me = get_ident()
        if self._owner == me:
            self._count += 1
            return True
        taken = self._block.acquire(blocking, timeout)
        if taken:
            self._owner = me
            self._count = 1
        return taken

    def release(self):
        if self._owner != get_ident():
            raise RuntimeError("cannot release un-acquired lock")
        self._count -= 1
        if self._count == 0:
            self._owner = None
            self._block.release()

    def __enter__(self):
        return self.acquire()

    def __exit__(self, kind, value, traceback):
        self.release()

    def _is_owned(self):
        return self._owner == get_ident()

    def _release_save(self):
        if self._count == 0:
            raise RuntimeError("cannot release un-acquired lock")
        saved = (self._count, self._owner)
        self._count = 0
        self._owner = None
        self._block.release()
        return saved

    def _acquire_restore(self, saved):
        self._block.acquire()
        self._count, self._owner = saved

    def __repr__(self):
        state = "locked" if self._owner is not None else "unlocked"
        return f"<{state} threading.RLock object owner={self._owner} count={self._count}>"


def _owns(lock):
    """Whether the calling thread holds `lock` (a Lock cannot tell: held by anyone counts)."""
    if isinstance(lock, RLock):
        return lock._is_owned()
    if lock.acquire(False):
        lock.release()
        return False
    return True


class Condition:
    """Waits for a notification while its lock is released: each waiter sleeps on a lock of its
    own, which `notify` releases."""

    def __init__(self, lock=None):
        if lock is None:
            lock = RLock()
        self._lock = lock
        self._waiters = []

    def __enter__(self):
        return self._lock.__enter__() if isinstance(self._lock, RLock) else self._lock.acquire()

    def __exit__(self, kind, value, traceback):
        self._lock.release()

    def acquire(self, blocking=True, timeout=-1):
        return self._lock.acquire(blocking, timeout)

    def release(self):
        self._lock.release()

    def _release_save(self):
        if isinstance(self._lock, RLock):
            return self._lock._release_save()
        self._lock.release()
        return None

    def _acquire_restore(self, saved):
        if isinstance(self._lock, RLock):
            self._lock._acquire_restore(saved)
        else:
            self._lock.acquire()

    def wait(self, timeout=None):
        if not _owns(self._lock):
            raise RuntimeError("cannot wait on un-acquired lock")
        waiter = _thread.allocate_lock()
        waiter.acquire()
        self._waiters.append(waiter)
        saved = self._release_save()
        notified = False
        try:
            if timeout is None:
                waiter.acquire()
                notified = True
            elif timeout > 0:
                notified = waiter.acquire(True, timeout)
            else:
                notified = waiter.acquire(False)
            return notified
        finally:
            self._acquire_restore(saved)
            if not notified and waiter in self._waiters:
                self._waiters.pop(self._waiters.index(waiter))

    def wait_for(self, predicate, timeout=None):
        deadline = None
        waittime = timeout
        result = predicate()
        while not result:
            if waittime is not None:
                if deadline is None:
                    deadline = _time() + waittime
                else:
                    waittime = deadline - _time()
                    if waittime <= 0:
                        break
            self.wait(waittime)
            result = predicate()
        return result

    def notify(self, n=1):
        if not _owns(self._lock):
            raise RuntimeError("cannot notify on un-acquired lock")
        woken = 0
        while woken < n and self._waiters:
            self._waiters.pop(0).release()
            woken += 1

    def notify_all(self):
        self.notify(len(self._waiters))

    def __repr__(self):
        return f"<Condition({self._lock!r}, {len(self._waiters)})>"


class Semaphore:
    """A counter that `acquire` lowers, waiting while it is zero, and `release` raises."""

    def __init__(self, value=1):
        if value < 0:
            raise ValueError("semaphore initial value must be >= 0")
        self._cond = Condition(Lock())
        self._value = value

    def acquire(self, blocking=True, timeout=None):
        if not blocking and timeout is not None:
            raise ValueError("can't specify timeout for non-blocking acquire")
        taken = False
        deadline = None
        with self._cond:
            while self._value == 0:
                if not blocking:
                    break
                if timeout is not None:
                    if deadline is None:
                        deadline = _time() + timeout
                    else:
                        timeout = deadline - _time()
                        if timeout <= 0:
                            break
                self._cond.wait(timeout)
            else:
                self._value -= 1
                taken = True
        return taken

    def release(self, n=1):
        if n < 1:
            raise ValueError("n must be one or more")
        with self._cond:
            self._value += n
            self._cond.notify(n)

    def __enter__(self):
        return self.acquire()

    def __exit__(self, kind, value, traceback):
        self.release()

    def __repr__(self):
        return f"<threading.Semaphore value={self._value}>"


class BoundedSemaphore(Semaphore):
    """A semaphore that may not be released above its initial value."""

    def __init__(self, value=1):
        super().__init__(value)
        self._initial_value = value

    def release(self, n=1):
        if n < 1:
            raise ValueError("n must be one or more")
        with self._cond:
            if self._value + n > self._initial_value:
                raise ValueError("Semaphore released too many times")
            self._value += n
            self._cond.notify(n)


class Event:
    """A flag threads wait to see set."""

    def __init__(self):
        self._cond = Condition(Lock())
        self._flag = False

    def is_set(self):
        return self._flag

    def isSet(self):
        return self._flag

    def set(self):
        with self._cond:
            self._flag = True
            self._cond.notify_all()

    def clear(self):
        with self._cond:
            self._flag = False

    def wait(self, timeout=None):
        with self._cond:
            signaled = self._flag
            if not signaled:
                signaled = self._cond.wait(timeout)
            return signaled

    def __repr__(self):
        return f"<threading.Event: {'set' if self._flag else 'unset'}>"


class BrokenBarrierError(RuntimeError):
    pass


class _Round:
    """One use of a barrier: released when every party arrived, or broken."""

    def __init__(self):
        self.done = False
        self.broken = False


class Barrier:
    """Lets `parties` threads go on only once all of them have called `wait`."""

    def __init__(self, parties, action=None, timeout=None):
        if parties < 1:
            raise ValueError("parties must be >= 1")
        self._cond = Condition(Lock())
        self._action = action
        self._timeout = timeout
        self._parties = parties
        self._count = 0
        self._round = _Round()
        self._broken = False

    def wait(self, timeout=None):
        if timeout is None:
            timeout = self._timeout
        with self._cond:
            if self._broken:
                raise BrokenBarrierError
            round = self._round
            index = self._count
            self._count += 1
            if self._count == self._parties:
                if self._action is not None:
                    try:
                        self._action()
                    except BaseException:
                        self._break()
                        raise
                self._count = 0
                round.done = True
                self._round = _Round()
                self._cond.notify_all()
                return index
            if not self._cond.wait_for(lambda: round.done, timeout):
                self._break()
                raise BrokenBarrierError
            if round.broken:
                raise BrokenBarrierError
            return index

    def _break(self):
        self._broken = True
        self._round.done = True
        self._round.broken = True
        self._round = _Round()
        self._count = 0
        self._cond.notify_all()

    def abort(self):
        with self._cond:
            self._break()

    def reset(self):
        with self._cond:
            if self._count > 0:
                self._break()
            self._broken = False

    @property
    def parties(self):
        return self._parties

    @property
    def n_waiting(self):
        return 0 if self._broken else self._count

    @property
    def broken(self):
        return self._broken


class Thread:
    """A thread of control: `start()` runs `run()` (by default `target(*args, **kwargs)`) in a
    new thread; `join()` waits for it to end."""

    def __init__(self, group=None, target=None, name=None, args=(), kwargs=None, *, daemon=None):
        if group is not None:
            raise AssertionError("group argument must be None for now")
        if name is None:
            name = _newname("Thread-%d")
            if target is not None and hasattr(target, "__name__"):
                name = f"{name} ({target.__name__})"
        else:
            name = str(name)
        self._target = target
        self._args = args
        self._kwargs = {} if kwargs is None else kwargs
        self._name = name
        if daemon is None:
            daemon = current_thread().daemon
        self._daemonic = daemon
        self._ident = None
        self._started = False
        self._finished = False
        # Held from start() until the thread ends: join() waits for it.
        self._running = _thread.allocate_lock()

    def start(self):
        if self._started:
            raise RuntimeError("threads can only be started once")
        self._started = True
        self._running.acquire()
        try:
            if self._daemonic:
                _thread._start_daemon(self._bootstrap, ())
            else:
                _thread.start_new_thread(self._bootstrap, ())
        except BaseException:
            self._started = False
            self._running.release()
            raise

    def _bootstrap(self):
        self._ident = get_ident()
        _thread._set_current(self)
        try:
            self.run()
        except BaseException as exc:
            # The default hook is the VM's own report ("Exception in thread NAME:" and the
            # traceback; an uncaught exception to the checker); a program's hook replaces it.
            if excepthook is __excepthook__:
                raise
            excepthook(ExceptHookArgs(type(exc), exc, None, self))
        finally:
            self._finished = True
            self._running.release()

    def run(self):
        try:
            if self._target is not None:
                self._target(*self._args, **self._kwargs)
        finally:
            self._target = None
            self._args = None
            self._kwargs = None

    def join(self, timeout=None):
        if not self._started:
            raise RuntimeError("cannot join thread before it is started")
        if self is current_thread():
            raise RuntimeError("cannot join current thread")
        if timeout is None:
            self._running.acquire()
            self._running.release()
        elif self._running.acquire(True, max(timeout, 0)):
            self._running.release()

    def is_alive(self):
        return self._started and not self._finished

    @property
    def name(self):
        return self._name

    @name.setter
    def name(self, name):
        self._name = str(name)

    def getName(self):
        return self._name

    def setName(self, name):
        self._name = str(name)

    @property
    def ident(self):
        return self._ident

    @property
    def native_id(self):
        return self._ident

    @property
    def daemon(self):
        return self._daemonic

    @daemon.setter
    def daemon(self, daemonic):
        if self._started:
            raise RuntimeError("cannot set daemon status of active thread")
        self._daemonic = daemonic

    def isDaemon(self):
        return self._daemonic

    def setDaemon(self, daemonic):
        self.daemon = daemonic

    def __repr__(self):
        status = "initial"
        if self._started:
            status = "started"
        if self._finished:
            status = "stopped"
        if self._daemonic:
            status += " daemon"
        if self._ident is not None:
            status += f" {self._ident}"
        return f"<{type(self).__name__}({self._name}, {status})>"


class _MainThread(Thread):
    def __init__(self):
        super().__init__(name="MainThread", daemon=False)
        self._started = True
        self._ident = get_ident()
        self._running.acquire()
        _thread._set_current(self)


class _DummyThread(Thread):
    """What `current_thread()` gives in a thread not started by `threading`."""

    def __init__(self):
        _dummies[0] += 1
        super().__init__(name=f"Dummy-{_dummies[0]}", daemon=True)
        self._started = True
        self._ident = get_ident()
        _thread._set_current(self)

    def join(self, timeout=None):
        raise AssertionError("cannot join a dummy thread")


class ExceptHookArgs:
    "What `excepthook` is called with: the exception's type, value and traceback, and the thread."

    def __init__(self, exc_type, exc_value, exc_traceback, thread):
        self.exc_type = exc_type
        self.exc_value = exc_value
        self.exc_traceback = exc_traceback
        self.thread = thread

    def __repr__(self):
        return (
            f"ExceptHookArgs(exc_type={self.exc_type!r}, exc_value={self.exc_value!r}, "
            f"exc_traceback={self.exc_traceback!r}, thread={self.thread!r})"
        )


def excepthook(args):
    "Prints a thread's uncaught exception as CPython's default hook does (the VM prints it)."
    if args.exc_type is SystemExit:
        return
    raise args.exc_value


__excepthook__ = excepthook


class Timer(Thread):
    """Calls `function(*args, **kwargs)` after `interval` seconds, unless cancelled first."""

    def __init__(self, interval, function, args=None, kwargs=None):
        super().__init__()
        self.interval = interval
        self.function = function
        self.args = [] if args is None else args
        self.kwargs = {} if kwargs is None else kwargs
        self.finished = Event()

    def cancel(self):
        self.finished.set()

    def run(self):
        self.finished.wait(self.interval)
        if not self.finished.is_set():
            self.function(*self.args, **self.kwargs)
        self.finished.set()


_main_thread = _MainThread()


def current_thread():
    found = _thread._get_current()
    if found is None:
        found = _DummyThread()
    return found


def currentThread():
    return current_thread()


def main_thread():
    return _main_thread


def enumerate():
    # A thread that has finished its run (and released its joiners) may still be on its way out.
    return [t for t in _thread._enumerate() if not t._finished]


def active_count():
    return len(enumerate())


def activeCount():
    return len(enumerate())
