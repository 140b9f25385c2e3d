//! The same VM runs under shuttle and loom through the `Platform` abstraction.

use emlab_vm::platform::{Loom, Platform, Shuttle};
use emlab_vm::{compile_source, Vm, VmConfig};

/// Two threads increment a shared counter under a Lock; the total is always exact.
const LOCKED_COUNTER: &str = "\
counter = [0]
lock = Lock()
def work():
    with lock:
        counter[0] += 1
t = spawn(work)
work()
join(t)
assert counter[0] == 2, counter[0]
print(counter[0])
";

/// The same without the lock: `counter[0] += 1` is a read then a write, so an update can be lost.
const RACY_COUNTER: &str = "\
counter = [0]
def work():
    counter[0] += 1
t = spawn(work)
work()
join(t)
assert counter[0] == 2, counter[0]
";

fn run_once<P: Platform>(source: &str) -> emlab_vm::RunOutcome {
    let program = compile_source(source, "model.py").expect("the model program compiles");
    Vm::<P>::new(program, VmConfig::for_checking()).expect("the VM starts").run()
}

#[test]
fn locked_counter_passes_under_shuttle_random() {
    shuttle::check_random(
        || {
            let outcome = run_once::<Shuttle>(LOCKED_COUNTER);
            assert!(outcome.uncaught.is_empty(), "{:?}", outcome.uncaught);
            assert_eq!(outcome.output, "2\n");
        },
        300,
    );
}

#[test]
fn shuttle_finds_the_lost_update() {
    let result = std::panic::catch_unwind(|| {
        shuttle::check_random(
            || {
                let outcome = run_once::<Shuttle>(RACY_COUNTER);
                assert!(outcome.uncaught.is_empty(), "lost update: {:?}", outcome.uncaught);
            },
            1000,
        )
    });
    assert!(result.is_err(), "1000 random schedules never interleaved the read and the write");
}

/// Loom's coroutine stacks are small; a panic hook printing a backtrace would overflow them.
fn quiet_panics() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| std::panic::set_hook(Box::new(|info| eprintln!("{info}"))));
}

#[test]
fn locked_counter_passes_under_loom() {
    quiet_panics();
    let mut builder = loom::model::Builder::new();
    builder.preemption_bound = Some(2);
    builder.check(|| {
        let outcome = run_once::<Loom>(LOCKED_COUNTER);
        assert!(outcome.uncaught.is_empty(), "{:?}", outcome.uncaught);
        assert_eq!(outcome.output, "2\n");
    });
}

#[test]
fn loom_finds_the_lost_update() {
    quiet_panics();
    let result = std::panic::catch_unwind(|| {
        let mut builder = loom::model::Builder::new();
        builder.preemption_bound = Some(2);
        builder.check(|| {
            let outcome = run_once::<Loom>(RACY_COUNTER);
            assert!(outcome.uncaught.is_empty(), "lost update: {:?}", outcome.uncaught);
        });
    });
    assert!(result.is_err(), "loom explored every interleaving and missed the lost update");
}

/// Two threads allocate in batches (`alloc_batch` > 1) while collections stop the world: whatever
/// the interleaving of refills, reported counts and collections, no live object is freed (a stale
/// handle would raise), the shared list keeps every item, and the live count ends exact. Slots
/// freed by lazy sweeps are reused for objects of other kinds: the lock-free kind check behind
/// a method call (`d.get`, `kept.append`) must see the new object's kind, never the old one's.
const BATCHED_ALLOCATION: &str = "\
kept = []
def work(tag):
    for i in range(12):
        pair = [tag, (i, i + 1)]
        d = {'p': pair}
        if i % 3 == 0:
            kept.append(d.get('p'))
    return len(pair)
t = spawn(work, 1)
work(0)
join(t)
total = 0
for p in kept:
    total += p[1][1]
print(len(kept), total)
";

/// [`BATCHED_ALLOCATION`] with the lock-free fast paths on, as `emlab run` has them: strs and
/// tuples read without locks, allocation into a thread's own empty slots and lazy sweeps without
/// them. Shuttle cannot interleave inside those paths (they have no scheduling points); what it
/// checks is their contract, over many interleavings of allocation, sweeps and collections: no live
/// object is ever freed (a read of one would find its slot emptied or reused and raise).
#[test]
fn lock_free_fast_paths_keep_the_collectors_contract_under_shuttle() {
    let program = compile_source(BATCHED_ALLOCATION, "model.py").expect("the model program compiles");
    shuttle::check_random(
        move || {
            let config = VmConfig {
                alloc_batch: 4,
                gc_min_threshold: 6,
                lock_free_fast_paths: true,
                ..VmConfig::for_checking()
            };
            let outcome = Vm::<Shuttle>::new(program.clone(), config).expect("the VM starts").run();
            assert!(outcome.uncaught.is_empty(), "{:?}", outcome.uncaught);
            assert!(outcome.monitored.is_empty(), "{:?}", outcome.monitored);
            assert_eq!(outcome.output, "8 44\n");
        },
        300,
    );
}

#[test]
fn batched_allocation_survives_collections_under_shuttle() {
    let program = compile_source(BATCHED_ALLOCATION, "model.py").expect("the model program compiles");
    shuttle::check_random(
        move || {
            let config = VmConfig { alloc_batch: 4, gc_min_threshold: 6, ..VmConfig::for_checking() };
            let outcome = Vm::<Shuttle>::new(program.clone(), config).expect("the VM starts").run();
            assert!(outcome.uncaught.is_empty(), "{:?}", outcome.uncaught);
            assert!(outcome.monitored.is_empty(), "{:?}", outcome.monitored);
            assert_eq!(outcome.output, "8 44\n");
        },
        300,
    );
}
