# unittest as threaded code is tested: a TestCase per component, setUp/tearDown and the class
# forms, assertions passing and failing, assertRaises, subTest, skips, expected failures,
# __init_subclass__ (what registers the classes), and main() running the classes and their
# tests by name, as CPython does (its report goes to stderr; what the tests print is here).
import threading
import unittest
from test.support import threading_helper


class Counter:
    def __init__(self):
        self.lock = threading.Lock()
        self.value = 0

    def add(self, n):
        with self.lock:
            self.value += n


class TestCounter(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        print("setUpClass", cls.__name__)

    def setUp(self):
        self.counter = Counter()
        print("setUp", self._testMethodName)

    def tearDown(self):
        print("tearDown", self._testMethodName)

    def test_threads_add_up(self):
        workers = [threading.Thread(target=self.counter.add, args=(i,)) for i in range(5)]
        with threading_helper.start_threads(workers):
            pass
        self.assertEqual(self.counter.value, 10)

    def test_assertions(self):
        self.assertTrue(1)
        self.assertFalse([])
        self.assertIn(2, [1, 2])
        self.assertNotIn(3, {1: 2})
        self.assertIs(None, None)
        self.assertIsNone(None)
        self.assertIsNotNone(0)
        self.assertIsInstance(self.counter, Counter)
        self.assertGreater(2, 1)
        self.assertLessEqual(1, 1)
        self.assertAlmostEqual(0.1 + 0.2, 0.3)
        self.assertCountEqual([1, 2, 2], [2, 1, 2])
        self.assertNotEqual(1, 2)
        with self.assertRaises(KeyError) as cm:
            {}["missing"]
        print("caught", repr(cm.exception))
        self.assertRaises(ZeroDivisionError, lambda: 1 // 0)

    def test_failing(self):
        self.assertEqual(len([1, 2]), 3, "lengths")

    def test_error(self):
        raise RuntimeError("boom")

    @unittest.skip("not today")
    def test_skipped(self):
        print("never runs")

    @unittest.expectedFailure
    def test_known_bug(self):
        self.assertEqual(1, 0)

    def test_sub(self):
        for i in range(3):
            with self.subTest(i=i):
                self.assertLess(i, 2)
        print("after subtests")

    def helper(self):
        print("not a test")


@unittest.skipIf(True, "whole class")
class TestSkippedClass(unittest.TestCase):
    def test_a(self):
        print("never runs either")


class AFirst(unittest.TestCase):
    def test_runs_before_the_others(self):
        print("AFirst runs first: classes go by name")
        self.addCleanup(print, "cleanup ran")


messages = []
for case in [lambda t: t.assertEqual(1, 2), lambda t: t.assertIn("x", "abc"), lambda t: t.assertTrue(0, "why"),
             lambda t: t.assertIsNone(5), lambda t: t.assertRaises(ValueError, int, "5"),
             lambda t: t.assertAlmostEqual(1.0, 1.1)]:
    try:
        case(unittest.TestCase())
    except AssertionError as e:
        messages.append(str(e))
print(messages)

result = unittest.main(exit=False).result
print(result.testsRun, len(result.failures), len(result.errors), len(result.skipped),
      len(result.expectedFailures), result.wasSuccessful())
for test, text in result.failures + result.errors:
    print("problem:", test, "|", text.strip().splitlines()[-1])
# --- expected (CPython 3.11; EMLAB_BLESS=1 cargo test -p emlab --test differential) ---
# exit: 0
# stdout:
# | ['1 != 2', "'x' not found in 'abc'", '0 is not true : why', '5 is not None', 'ValueError not raised by int', '1.0 != 1.1 within 7 places (0.10000000000000009 difference)']
# | AFirst runs first: classes go by name
# | cleanup ran
# | setUpClass TestCounter
# | setUp test_assertions
# | caught KeyError('missing')
# | tearDown test_assertions
# | setUp test_error
# | tearDown test_error
# | setUp test_failing
# | tearDown test_failing
# | setUp test_known_bug
# | tearDown test_known_bug
# | setUp test_sub
# | after subtests
# | tearDown test_sub
# | setUp test_threads_add_up
# | tearDown test_threads_add_up
# | 9 2 1 2 1 False
# | problem: test_failing (__main__.TestCounter.test_failing) | AssertionError: 2 != 3 : lengths
# | problem: test_sub (__main__.TestCounter.test_sub) (i=2) | AssertionError: 2 not less than 2
# | problem: test_error (__main__.TestCounter.test_error) | RuntimeError: boom
