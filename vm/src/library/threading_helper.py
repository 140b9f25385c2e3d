# emlab's `test.support.threading_helper`: the helpers CPython's own threading tests use
# (`Lib/test/test_free_threading` imports them), so those tests run unchanged. Written for
# emlab after what each helper does in CPython (not copied): threads always work here.
import threading


def requires_working_threading(*, module=False):
    """A no-op: threads work under emlab (CPython skips the test where they do not)."""
    if module:
        return None
    return lambda test: test


def reap_threads(func):
    """CPython checks that a test leaves no thread behind; emlab's run waits for every thread."""
    return func


def threading_setup():
    return (threading.active_count(),)


def threading_cleanup(*original_values):
    pass


def join_thread(thread, timeout=None):
    thread.join(timeout)
    if thread.is_alive():
        raise AssertionError(f"failed to join the thread in {timeout} seconds")


class start_threads:
    """`with start_threads(threads):` starts every thread, and joins them all on the way out
    (calling `unlock()` first, if given)."""

    def __init__(self, threads, unlock=None):
        self.threads = list(threads)
        self.unlock = unlock
        self.started = []

    def __enter__(self):
        for t in self.threads:
            t.start()
            self.started.append(t)
        return None

    def __exit__(self, exc_type, exc, tb):
        if self.unlock is not None:
            self.unlock()
        for t in self.started:
            t.join()
        return False


class wait_threads_exit:
    """`with wait_threads_exit():` waits at the end for the threads started inside."""

    def __init__(self, timeout=None):
        self.timeout = timeout

    def __enter__(self):
        self.before = set(threading.enumerate())
        return None

    def __exit__(self, exc_type, exc, tb):
        for t in threading.enumerate():
            if t not in self.before and t is not threading.current_thread():
                t.join(self.timeout)
        return False
