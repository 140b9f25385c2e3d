//! Interpreter microbenchmarks: calls, integer loops, lists and dicts.
//!
//! Each program is compiled once, outside the timed loop; every iteration builds a fresh
//! [`Vm`] (capturing its output) and runs the program to the end, so the numbers include VM
//! start-up and teardown, as `emlab run` pays them.
//!
//! ```sh
//! cargo bench -p emlab-vm --bench interp
//! ```
//!
//! For whole programs against CPython, use `emlab bench --python python3` instead.

use criterion::{criterion_group, criterion_main, BatchSize, Criterion};
use emlab_vm::bytecode::Program;
use emlab_vm::platform::Native;
use emlab_vm::{compile_source, Vm, VmConfig};
use std::hint::black_box;

/// Recursive calls: fib(20) makes about 22,000 calls.
const FIB: &str = "\
def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)

print(fib(20))
";

/// Integer arithmetic in a `for` loop.
const SUM_LOOP: &str = "\
total = 0
for i in range(100000):
    total += i
print(total)
";

/// Building a list with `append`, then reading it back by index.
const LIST_APPEND_INDEX: &str = "\
items = []
for i in range(20000):
    items.append(i * 3)
s = 0
for i in range(20000):
    s += items[i]
print(s)
";

/// Counting str keys in a dict.
const DICT_STR_COUNT: &str = "\
words = ['alpha', 'beta', 'gamma', 'delta', 'epsilon', 'zeta', 'eta', 'theta']
counts = {}
for i in range(20000):
    w = words[i % 8]
    counts[w] = counts.get(w, 0) + 1
print(counts['gamma'])
";

/// Runs `program` on a fresh VM and returns its captured output.
fn run_once(program: Program) -> String {
    let config = VmConfig { capture_output: true, print_errors: false, ..VmConfig::default() };
    let outcome = Vm::<Native>::new(program, config).expect("the VM starts").run();
    assert!(!outcome.main_failed && outcome.uncaught.is_empty(), "benchmark program failed: {:?}", outcome.uncaught);
    outcome.output
}

fn interp(c: &mut Criterion) {
    let programs = [
        ("fib(20)", FIB),
        ("sum loop 100k", SUM_LOOP),
        ("list append+index 20k", LIST_APPEND_INDEX),
        ("dict str-key count 20k", DICT_STR_COUNT),
    ];
    let mut group = c.benchmark_group("interp");
    group.sample_size(10);
    for (name, source) in programs {
        let program = compile_source(source, &format!("{name}.py")).expect("benchmark programs compile");
        // A run outside the timing, so a broken program fails loudly instead of timing an error.
        run_once(program.clone());
        // Cloning the program is setup, not measured.
        group.bench_function(name, |b| {
            b.iter_batched(|| program.clone(), |p| black_box(run_once(p)), BatchSize::SmallInput)
        });
    }
    group.finish();
}

criterion_group!(benches, interp);
criterion_main!(benches);
