# emlab's `unittest`: TestCase with the assertions ordinary tests use, setUp/tearDown and their
# class forms, cleanups, subTest, skips and expected failures, and main(), which runs the
# program's test classes in CPython's order (classes, then their test methods, by name) and
# reports as CPython's text runner does, on stderr. Written for emlab after the documented
# behaviour of CPython's (not copied). A failure is reported with its exception, without the
# traceback (emlab has no traceback objects).
import sys
import time
import _emlab_sys

# The program's TestCase classes, in the order they were made.
_classes = []
# The test methods `skip` made, and why: they are skipped before setUp runs.
_skipped = {}


class SkipTest(Exception):
    pass


class _ExpectedFailure(Exception):
    pass


class _UnexpectedSuccess(Exception):
    pass


def skip(reason):
    def decorator(test):
        if isinstance(test, type):
            test.__unittest_skip__ = True
            test.__unittest_skip_why__ = reason
            return test

        def skipped(*args, **kwargs):
            raise SkipTest(reason)

        # (CPython marks the function; here a function takes no attributes.)
        _skipped[skipped] = reason
        return skipped

    return decorator


def skipIf(condition, reason):
    if condition:
        return skip(reason)
    return lambda test: test


def skipUnless(condition, reason):
    if not condition:
        return skip(reason)
    return lambda test: test


def expectedFailure(test):
    def expecting(*args, **kwargs):
        try:
            test(*args, **kwargs)
        except SkipTest:
            raise
        except Exception:
            raise _ExpectedFailure()
        raise _UnexpectedSuccess()

    return expecting


class _Raises:
    """What `with self.assertRaises(E) as cm:` gives: `cm.exception` afterwards."""

    def __init__(self, case, expected, msg, by=None):
        self.case = case
        self.expected = expected
        self.msg = msg
        self.by = by
        self.exception = None

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc, tb):
        name = getattr(self.expected, "__name__", str(self.expected))
        if exc_type is None:
            by = f" by {getattr(self.by, '__name__', self.by)}" if self.by is not None else ""
            self.case._fail(f"{name} not raised{by}", self.msg)
        if not issubclass(exc_type, self.expected):
            return False
        self.exception = exc
        return True


class _SubTest:
    def __init__(self, case, msg, params):
        self.case = case
        self.msg = msg
        self.params = params

    def __enter__(self):
        return None

    def __exit__(self, exc_type, exc, tb):
        if exc_type is None:
            return False
        if issubclass(exc_type, SkipTest):
            return False
        parts = []
        if self.msg is not None:
            parts.append(f"[{self.msg}]")
        if self.params:
            parts.append("(" + ", ".join(f"{k}={v!r}" for k, v in self.params.items()) + ")")
        self.case._sub_failures.append((" ".join(parts), exc, isinstance(exc, self.case.failureException)))
        return True


class TestCase:
    failureException = AssertionError
    longMessage = True
    maxDiff = 80 * 8

    def __init_subclass__(cls):
        _classes.append(cls)

    def __init__(self, methodName="runTest"):
        self._testMethodName = methodName
        self._cleanups = []
        self._sub_failures = []

    def id(self):
        return f"__main__.{type(self).__qualname__}.{self._testMethodName}"

    def __str__(self):
        return f"{self._testMethodName} (__main__.{type(self).__qualname__}.{self._testMethodName})"

    def __repr__(self):
        return f"<__main__.{type(self).__qualname__} testMethod={self._testMethodName}>"

    def shortDescription(self):
        return None

    def setUp(self):
        pass

    def tearDown(self):
        pass

    @classmethod
    def setUpClass(cls):
        pass

    @classmethod
    def tearDownClass(cls):
        pass

    def addCleanup(self, function, *args, **kwargs):
        self._cleanups.append((function, args, kwargs))

    def doCleanups(self):
        while self._cleanups:
            function, args, kwargs = self._cleanups.pop()
            function(*args, **kwargs)

    def skipTest(self, reason):
        raise SkipTest(reason)

    def subTest(self, msg=None, **params):
        return _SubTest(self, msg, params)

    def _fail(self, standard, msg):
        if msg is None:
            raise self.failureException(standard)
        raise self.failureException(f"{standard} : {msg}")

    def fail(self, msg=None):
        raise self.failureException(msg)

    def assertEqual(self, first, second, msg=None):
        if not first == second:
            self._fail(f"{first!r} != {second!r}", msg)

    def assertNotEqual(self, first, second, msg=None):
        if not first != second:
            self._fail(f"{first!r} == {second!r}", msg)

    assertListEqual = assertEqual
    assertTupleEqual = assertEqual
    assertDictEqual = assertEqual
    assertSetEqual = assertEqual
    assertSequenceEqual = assertEqual
    assertMultiLineEqual = assertEqual

    def assertTrue(self, expr, msg=None):
        if not expr:
            self._fail(f"{expr!r} is not true", msg)

    def assertFalse(self, expr, msg=None):
        if expr:
            self._fail(f"{expr!r} is not false", msg)

    def assertIs(self, first, second, msg=None):
        if first is not second:
            self._fail(f"{first!r} is not {second!r}", msg)

    def assertIsNot(self, first, second, msg=None):
        if first is second:
            self._fail(f"unexpectedly identical: {first!r}", msg)

    def assertIsNone(self, obj, msg=None):
        if obj is not None:
            self._fail(f"{obj!r} is not None", msg)

    def assertIsNotNone(self, obj, msg=None):
        if obj is None:
            self._fail("unexpectedly None", msg)

    def assertIn(self, member, container, msg=None):
        if member not in container:
            self._fail(f"{member!r} not found in {container!r}", msg)

    def assertNotIn(self, member, container, msg=None):
        if member in container:
            self._fail(f"{member!r} unexpectedly found in {container!r}", msg)

    def assertIsInstance(self, obj, cls, msg=None):
        if not isinstance(obj, cls):
            self._fail(f"{obj!r} is not an instance of {cls!r}", msg)

    def assertNotIsInstance(self, obj, cls, msg=None):
        if isinstance(obj, cls):
            self._fail(f"{obj!r} is an instance of {cls!r}", msg)

    def assertGreater(self, a, b, msg=None):
        if not a > b:
            self._fail(f"{a!r} not greater than {b!r}", msg)

    def assertGreaterEqual(self, a, b, msg=None):
        if not a >= b:
            self._fail(f"{a!r} not greater than or equal to {b!r}", msg)

    def assertLess(self, a, b, msg=None):
        if not a < b:
            self._fail(f"{a!r} not less than {b!r}", msg)

    def assertLessEqual(self, a, b, msg=None):
        if not a <= b:
            self._fail(f"{a!r} not less than or equal to {b!r}", msg)

    def assertAlmostEqual(self, first, second, places=None, msg=None, delta=None):
        if first == second:
            return
        diff = abs(first - second)
        if delta is not None:
            if diff <= delta:
                return
            self._fail(f"{first!r} != {second!r} within {delta!r} delta ({diff!r} difference)", msg)
        if places is None:
            places = 7
        if round(diff, places) == 0:
            return
        self._fail(f"{first!r} != {second!r} within {places!r} places ({diff!r} difference)", msg)

    def assertNotAlmostEqual(self, first, second, places=None, msg=None, delta=None):
        diff = abs(first - second)
        if delta is not None:
            if not first == second and diff > delta:
                return
            self._fail(f"{first!r} == {second!r} within {delta!r} delta ({diff!r} difference)", msg)
        if places is None:
            places = 7
        if not first == second and round(diff, places) != 0:
            return
        self._fail(f"{first!r} == {second!r} within {places!r} places", msg)

    def assertCountEqual(self, first, second, msg=None):
        first, second = list(first), list(second)
        missing = list(second)
        for item in first:
            if item in missing:
                missing.remove(item)
            else:
                self._fail("Element counts were not equal", msg)
        if missing:
            self._fail("Element counts were not equal", msg)

    def assertRaises(self, expected, *args, **kwargs):
        if not args:
            return _Raises(self, expected, kwargs.pop("msg", None))
        function, *rest = args
        with _Raises(self, expected, None, function):
            function(*rest, **kwargs)

    def _run(self, result):
        method = getattr(self, self._testMethodName)
        result.startTest(self)
        function = getattr(type(self), self._testMethodName)
        if function in _skipped:
            result.addSkip(self, _skipped[function])
            return
        outcome = None
        try:
            self.setUp()
        except SkipTest as e:
            result.addSkip(self, str(e))
            return
        except Exception as e:
            result.addError(self, e)
            self.doCleanups()
            return
        try:
            method()
        except SkipTest as e:
            outcome = ("skip", str(e))
        except _ExpectedFailure:
            outcome = ("expected", None)
        except _UnexpectedSuccess:
            outcome = ("unexpected", None)
        except self.failureException as e:
            outcome = ("failure", e)
        except Exception as e:
            outcome = ("error", e)
        try:
            self.tearDown()
        except Exception as e:
            if outcome is None:
                outcome = ("error", e)
        try:
            self.doCleanups()
        except Exception as e:
            if outcome is None:
                outcome = ("error", e)
        for params, exc, is_failure in self._sub_failures:
            if is_failure:
                result.addFailure(self, exc, params)
            else:
                result.addError(self, exc, params)
        if outcome is None:
            if not self._sub_failures:
                result.addSuccess(self)
        elif outcome[0] == "skip":
            result.addSkip(self, outcome[1])
        elif outcome[0] == "expected":
            result.addExpectedFailure(self)
        elif outcome[0] == "unexpected":
            result.addUnexpectedSuccess(self)
        elif outcome[0] == "failure":
            result.addFailure(self, outcome[1])
        else:
            result.addError(self, outcome[1])


class TestResult:
    def __init__(self, stream, verbosity):
        self.stream = stream
        self.verbosity = verbosity
        self.failures = []
        self.errors = []
        self.skipped = []
        self.expectedFailures = []
        self.unexpectedSuccesses = []
        self.testsRun = 0
        self._subtests_shown = False

    def startTest(self, test):
        self.testsRun += 1
        self._subtests_shown = False
        if self.verbosity > 1:
            self.stream.write(f"{test} ... ")

    def _report(self, long, short):
        if self.verbosity > 1:
            self.stream.write(long + "\n")
        else:
            self.stream.write(short)

    def addSuccess(self, test):
        self._report("ok", ".")

    def _add_sub(self, test, params, word, short):
        if self.verbosity > 1:
            if not self._subtests_shown:
                self.stream.write("\n")
                self._subtests_shown = True
            self.stream.write(f"  {test} {params} ... {word}\n")
        else:
            self.stream.write(short)

    def addFailure(self, test, exc, params=None):
        self.failures.append((_described(test, params), _exception_text(exc)))
        if params is None:
            self._report("FAIL", "F")
        else:
            self._add_sub(test, params, "FAIL", "F")

    def addError(self, test, exc, params=None):
        self.errors.append((_described(test, params), _exception_text(exc)))
        if params is None:
            self._report("ERROR", "E")
        else:
            self._add_sub(test, params, "ERROR", "E")

    def addSkip(self, test, reason):
        self.skipped.append((test, reason))
        self._report(f"skipped {reason!r}", "s")

    def addExpectedFailure(self, test):
        self.expectedFailures.append(test)
        self._report("expected failure", "x")

    def addUnexpectedSuccess(self, test):
        self.unexpectedSuccesses.append(test)
        self._report("unexpected success", "u")

    def wasSuccessful(self):
        return not self.failures and not self.errors and not self.unexpectedSuccesses


class _SubTestInfo:
    """What a failed subTest is listed as: its test and its parameters."""

    def __init__(self, test, params):
        self.test_case = test
        self.params = params

    def __str__(self):
        return f"{self.test_case} {self.params}"


def _described(test, params):
    return test if params is None else _SubTestInfo(test, params)


def _exception_text(exc):
    # CPython keeps the formatted traceback; emlab has none, so the exception's last line.
    text = str(exc)
    name = type(exc).__name__
    return f"{name}: {text}" if text else name


def _tests_of(cls):
    return [name for name in _emlab_sys.class_names(cls) if name.startswith("test")
            and callable(getattr(cls, name))]


def _print_problems(result, stream):
    for flavour, problems in (("ERROR", result.errors), ("FAIL", result.failures)):
        for test, text in problems:
            stream.write("=" * 70 + "\n")
            stream.write(f"{flavour}: {test}\n")
            stream.write("-" * 70 + "\n")
            stream.write(f"{text}\n\n")


class TestProgram:
    """`unittest.main()`: runs the program's tests; `.result` is what they did. With `exit`
    (the default) it ends the program: status 0 when every test passed, 1 otherwise."""

    def __init__(self, module="__main__", defaultTest=None, argv=None, testRunner=None, testLoader=None,
                 exit=True, verbosity=1, failfast=False, catchbreak=False, buffer=False, warnings=None):
        self.result = _run_all(verbosity, failfast)
        if exit:
            sys.exit(not self.result.wasSuccessful())


main = TestProgram


def _run_all(verbosity, failfast):
    stream = sys.stderr
    result = TestResult(stream, verbosity)
    start = time.perf_counter()
    for cls in sorted(_classes, key=lambda c: c.__name__):
        names = _tests_of(cls)
        if not names:
            continue
        if getattr(cls, "__unittest_skip__", False):
            for name in names:
                test = cls(name)
                result.startTest(test)
                result.addSkip(test, cls.__unittest_skip_why__)
            continue
        try:
            cls.setUpClass()
        except Exception as e:
            result.errors.append((f"setUpClass (__main__.{cls.__qualname__})", _exception_text(e)))
            if verbosity <= 1:
                stream.write("E")
            continue
        for name in names:
            cls(name)._run(result)
            if failfast and not result.wasSuccessful():
                break
        try:
            cls.tearDownClass()
        except Exception as e:
            result.errors.append((f"tearDownClass (__main__.{cls.__qualname__})", _exception_text(e)))
    elapsed = time.perf_counter() - start
    if verbosity <= 1 and result.testsRun:
        stream.write("\n")
    if result.errors or result.failures:
        if verbosity > 1:
            stream.write("\n")
        _print_problems(result, stream)
    stream.write("-" * 70 + "\n")
    run = result.testsRun
    stream.write(f"Ran {run} test{'' if run == 1 else 's'} in {elapsed:.3f}s\n\n")
    details = []
    if result.failures:
        details.append(f"failures={len(result.failures)}")
    if result.errors:
        details.append(f"errors={len(result.errors)}")
    if result.skipped:
        details.append(f"skipped={len(result.skipped)}")
    if result.expectedFailures:
        details.append(f"expected failures={len(result.expectedFailures)}")
    if result.unexpectedSuccesses:
        details.append(f"unexpected successes={len(result.unexpectedSuccesses)}")
    if result.wasSuccessful():
        stream.write("OK" + (f" ({', '.join(details)})" if details else "") + "\n")
    else:
        stream.write(f"FAILED ({', '.join(details)})\n")
    if run == 0:
        stream.write("\nNO TESTS RAN\n")
    return result
