//! `for` loops over ranges: the immediate iterator (`VmConfig::immediate_range_iterators`) and
//! the heap iterator the checker uses give the same output as CPython.

use emlab_vm::platform::Native;
use emlab_vm::{compile_source, RunOutcome, Vm, VmConfig};

fn run(source: &str, immediate: bool) -> RunOutcome {
    let program = compile_source(source, "ranges.py").expect("compiles");
    let config = VmConfig {
        capture_output: true,
        print_errors: false,
        immediate_range_iterators: immediate,
        ..VmConfig::default()
    };
    Vm::<Native>::new(program, config).expect("starts").run()
}

/// Nested loops, `break`, `return` from inside a loop, negative and empty ranges, steps other
/// than 1, bounds at and past the 32-bit edge (which take the heap iterator), a range object
/// looped over twice, and ranges consumed by builtins rather than by `for`.
const LOOPS: &str = "\
def f(n):
    total = 0
    for i in range(n):
        for j in range(i, n):
            if j == 7:
                break
            total += j
    return total
def g():
    out = []
    for i in range(-3, 3):
        out.append(i)
    for i in range(5, 0, -2):
        out.append(i)
    for i in range(2147483645, 2147483649):
        out.append(i)
    for i in range(-2147483650, -2147483647):
        out.append(i)
    for i in range(3, 3):
        out.append(99)
    r = range(4)
    for i in r:
        for k in r:
            out.append(i * k)
    return out
def h(n):
    for i in range(n):
        if i == 3:
            return i
    return -1
print(f(12))
print(g())
print(h(10), h(2))
print(sum(range(10)), list(range(3)))
t = 0
while t < 3:
    for i in range(100):
        break
    t += 1
print(t)
";

/// What CPython 3.11 prints for [`LOOPS`].
const CPYTHON: &str = "\
212
[-3, -2, -1, 0, 1, 2, 5, 3, 1, 2147483645, 2147483646, 2147483647, 2147483648, -2147483650, -2147483649, -2147483648, 0, 0, 0, 0, 0, 1, 2, 3, 0, 2, 4, 6, 0, 3, 6, 9]
3 -1
45 [0, 1, 2]
3
";

#[test]
fn range_loops_print_what_cpython_prints_with_either_iterator() {
    for immediate in [true, false] {
        let outcome = run(LOOPS, immediate);
        assert!(outcome.uncaught.is_empty(), "immediate={immediate}: {:?}", outcome.uncaught);
        assert_eq!(outcome.output, CPYTHON, "immediate={immediate}");
    }
}

#[test]
fn an_immediate_range_iterator_allocates_nothing() {
    // Object numbers show what was allocated: the range, then (only on the heap path) its
    // iterator, then the lock.
    let source = "for i in range(3):\n    pass\nprint(Lock())\n";
    assert_eq!(run(source, true).output, "<unlocked _thread.lock object #2>\n");
    assert_eq!(run(source, false).output, "<unlocked _thread.lock object #3>\n");
}

#[test]
fn an_error_inside_a_range_loop_unwinds_the_loop() {
    let source = "\
def boom():
    for i in range(10):
        if i == 4:
            return 1 // (i - 4)
    return 0
boom()
";
    for immediate in [true, false] {
        let outcome = run(source, immediate);
        assert!(outcome.main_failed, "immediate={immediate}");
        let error = &outcome.uncaught[0].exception;
        assert_eq!(error.to_string(), "ZeroDivisionError: integer division or modulo by zero");
    }
}
