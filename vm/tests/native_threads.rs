//! The free-threaded core on real OS threads.

use emlab_vm::platform::Native;
use emlab_vm::{compile_source, RunOutcome, Vm, VmConfig};

fn run(source: &str) -> RunOutcome {
    let program = compile_source(source, "native.py").expect("compiles");
    let config = VmConfig { capture_output: true, print_errors: false, ..VmConfig::default() };
    Vm::<Native>::new(program, config).expect("starts").run()
}

#[test]
fn eight_threads_appending_never_lose_an_item() {
    let source = "\
items = []
def work(n):
    for i in range(n):
        items.append(i)
threads = []
for t in range(8):
    threads.append(spawn(work, 10000))
for t in threads:
    join(t)
print(len(items))
";
    for _ in 0..5 {
        let outcome = run(source);
        assert!(outcome.uncaught.is_empty(), "{:?}", outcome.uncaught);
        assert_eq!(outcome.output, "80000\n");
    }
}

#[test]
fn locked_counter_is_exact_across_threads() {
    let source = "\
total = [0]
lock = Lock()
def work():
    for i in range(2000):
        with lock:
            total[0] += 1
hs = [spawn(work), spawn(work), spawn(work), spawn(work)]
for h in hs:
    join(h)
print(total[0])
";
    assert_eq!(run(source).output, "8000\n");
}

#[test]
fn an_error_in_a_thread_ends_only_that_thread() {
    let source = "\
def bad():
    return 1 // 0
h = spawn(bad)
print(join(h))
print('main goes on')
";
    let outcome = run(source);
    assert_eq!(outcome.output, "None\nmain goes on\n");
    assert!(!outcome.main_failed);
    assert_eq!(outcome.uncaught.len(), 1);
    assert_eq!(outcome.uncaught[0].thread, 1);
    assert_eq!(outcome.uncaught[0].exception.kind, emlab_vm::ErrorKind::ZeroDivisionError);
}

#[test]
fn a_thread_dying_inside_with_releases_its_lock() {
    let source = "\
lock = Lock()
def bad():
    with lock:
        return 1 // 0
join(spawn(bad))
with lock:
    print('acquired')
";
    assert_eq!(run(source).output, "acquired\n");
}

#[test]
fn deep_recursion_is_a_recursion_error_not_a_crash() {
    let outcome = run("def f(n):\n    return f(n + 1)\nf(0)\n");
    assert!(outcome.main_failed);
    assert_eq!(outcome.uncaught[0].exception.kind, emlab_vm::ErrorKind::RecursionError);
}

#[test]
fn collection_keeps_what_blocked_threads_hold() {
    // t1 blocks on a lock with a list only in a local; the main thread collects meanwhile.
    let source = "\
import gc
lock = Lock()
lock.acquire()
def holder():
    mine = [1, 2, 3]
    with lock:
        pass
    return mine
h = spawn(holder)
for i in range(1000):
    x = [i]
gc.collect()
lock.release()
print(join(h))
";
    for _ in 0..20 {
        let outcome = run(source);
        assert!(outcome.uncaught.is_empty(), "{:?}", outcome.uncaught);
        assert_eq!(outcome.output, "[1, 2, 3]\n");
    }
}

#[test]
fn short_lived_garbage_is_reclaimed() {
    let source = "\
for i in range(300000):
    x = [i, [i]]
print('done')
";
    let program = compile_source(source, "gc.py").unwrap();
    let limits = emlab_vm::Limits { max_heap: 8 << 20, ..emlab_vm::Limits::default() };
    let config = VmConfig { capture_output: true, limits, ..VmConfig::default() };
    let config = VmConfig { gc_min_threshold: 10_000, ..config };
    let outcome = Vm::<Native>::new(program, config).unwrap().run();
    assert!(outcome.uncaught.is_empty(), "a bounded heap overflowed: {:?}", outcome.uncaught);
    assert_eq!(outcome.output, "done\n");
}

#[test]
fn a_collection_parks_a_thread_spinning_in_a_loop() {
    let source = "\
import gc
flag = [0]
def spin():
    n = 0
    while flag[0] == 0:
        n += 1
    return n >= 0
h = spawn(spin)
for i in range(5):
    gc.collect()
flag[0] = 1
print(join(h))
";
    for _ in 0..10 {
        assert_eq!(run(source).output, "True\n");
    }
}

#[test]
fn shared_reads_see_every_write_while_biased_reads_come_and_go() {
    // Readers index a shared list and dict (made by the main thread, so their reads set the read
    // bias) while a writer keeps changing them: every write revokes the bias and waits for the
    // biased reads under way. Every item is always 1 and the list never has fewer than 64 items,
    // so each reader's total is exact.
    let source = "\
items = []
for i in range(64):
    items.append(1)
table = {}
for i in range(64):
    table[i] = 1
def reader():
    total = 0
    for r in range(300):
        for i in range(64):
            total += items[i] + table[i]
            if len(items) < 64:
                total += 1000000
    return total
def writer():
    for r in range(3000):
        items[r % 64] = 1
        table[r % 64] = 1
        items.append(1)
        items.pop()
    return 0
hs = [spawn(reader), spawn(reader), spawn(writer), spawn(reader)]
results = []
for h in hs:
    results.append(join(h))
print(results)
";
    for _ in 0..5 {
        let outcome = run(source);
        assert!(outcome.uncaught.is_empty(), "{:?}", outcome.uncaught);
        assert_eq!(outcome.output, "[38400, 38400, 0, 38400]\n");
    }
}

#[test]
fn strs_and_tuples_read_without_locks_stay_whole_while_lazy_sweeps_free_garbage() {
    // Immutable objects are read without their slot's lock, threads allocate into their own empty
    // slots without one, and the lazy sweep frees garbage without one (the lock-free fast paths).
    // Readers join, compare and look up shared strs and tuples while every thread makes garbage
    // fast enough to collect every few iterations, and a writer keeps replacing the shared items
    // with new ones (the old become garbage as soon as no reader holds them).
    let source = "\
words = []
pairs = []
for i in range(32):
    words.append('w' + str(i))
    pairs.append((i, 'w' + str(i)))
index = {}
for i in range(32):
    index[words[i]] = i
def reader(seed):
    bad = 0
    for r in range(2500):
        i = (r * 7 + seed) % 32
        w = words[i]
        p = pairs[i]
        if w != 'w' + str(i) or len(w + w) != 2 * len(w):
            bad += 1
        if p[0] != i or p[1] != w or index[w] != i:
            bad += 1
        junk = [(r, seed), 'j' + str(r), (w, p)]
    return bad
def writer():
    for r in range(2500):
        i = r % 32
        words[i] = 'w' + str(i)
        pairs[i] = (i, 'w' + str(i))
        junk = ('x' + str(r), [r])
    return 0
hs = [spawn(reader, 1), spawn(writer), spawn(reader, 2), spawn(reader, 3)]
results = []
for h in hs:
    results.append(join(h))
print(results)
";
    let program = compile_source(source, "native.py").expect("compiles");
    for _ in 0..5 {
        // A low threshold collects every few hundred allocations, so sweeps overlap the reads.
        let config =
            VmConfig { capture_output: true, print_errors: false, gc_min_threshold: 300, ..VmConfig::default() };
        assert!(config.lock_free_fast_paths);
        let outcome = Vm::<Native>::new(program.clone(), config).expect("starts").run();
        assert!(outcome.uncaught.is_empty(), "{:?}", outcome.uncaught);
        assert_eq!(outcome.output, "[0, 0, 0, 0]\n");
    }
}
