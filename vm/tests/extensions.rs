//! Extension modules, the refcount bridge and the modes, on real threads.

use emlab_vm::platform::Native;
use emlab_vm::{compile_source, Bug, Bugs, ErrorKind, Mode, RunOutcome, Vm, VmConfig};

fn run_with(source: &str, mode: Mode, bugs: Bugs) -> RunOutcome {
    let program = compile_source(source, "ext.py").expect("compiles");
    let config = VmConfig { capture_output: true, print_errors: false, mode, bugs, ..VmConfig::default() };
    Vm::<Native>::new(program, config).expect("starts").run()
}

fn run(source: &str, mode: Mode) -> RunOutcome {
    run_with(source, mode, Bugs::none())
}

fn assert_clean(outcome: &RunOutcome) {
    assert!(outcome.uncaught.is_empty(), "unexpected errors: {:?}", outcome.uncaught);
}

const SINGLE_THREADED: &str = "\
import bank
import counter
import fastcounter
import cache
import callback
import blocking
a = [100, 50, 0]
bank.transfer(a, 0, 2, 30)
print(a, bank.total(a))
c = [0, 0]
counter.incr(c, 1)
fastcounter.incr(c, 1)
print(c)
cache.put('k', [1, 2])
print(cache.get('k'), cache.get('missing'))
cache.drop('k')
print(cache.get('k'))
def double(x):
    return x * 2
print(callback.apply(double, 21))
u = [5]
callback.update(u, double)
print(u)
blocking.pause(3)
print('ok')
";

#[test]
fn every_bundled_module_does_what_design_says() {
    for mode in Mode::ALL {
        let outcome = run(SINGLE_THREADED, mode);
        assert_clean(&outcome);
        assert_eq!(outcome.output, "[70, 50, 30] 150\n[0, 2]\n[1, 2] None\nNone\n42\n[10]\nok\n", "mode {mode}");
    }
}

const BANK_WITH_WATCHERS: &str = "\
import bank
accts = [1000, 1000, 1000, 1000]
bad = [0]
def mover(k):
    for i in range(300):
        bank.transfer(accts, (i + k) % 4, (i + k + 1) % 4, 7)
def watcher():
    for i in range(300):
        if bank.total(accts) != 4000:
            bad[0] += 1
hs = [spawn(mover, 0), spawn(mover, 1), spawn(watcher), spawn(watcher)]
for h in hs:
    join(h)
print(bank.total(accts), bad[0])
";

#[test]
fn bank_transfers_are_atomic_under_eml_and_gil() {
    for mode in [Mode::Eml, Mode::Gil, Mode::GilOnImport] {
        for _ in 0..5 {
            let outcome = run(BANK_WITH_WATCHERS, mode);
            assert_clean(&outcome);
            assert_eq!(outcome.output, "4000 0\n", "mode {mode}");
        }
    }
}

#[test]
fn fastcounter_is_exact_under_nogil() {
    let source = "\
import fastcounter
c = [0]
def work():
    for i in range(2000):
        fastcounter.incr(c, 0)
hs = [spawn(work), spawn(work), spawn(work), spawn(work)]
for h in hs:
    join(h)
print(c[0])
";
    for _ in 0..5 {
        let outcome = run(source, Mode::Nogil);
        assert_clean(&outcome);
        assert_eq!(outcome.output, "8000\n");
    }
}

#[test]
fn cached_objects_survive_collections_in_other_threads() {
    let source = "\
import cache
import gc
def fill(k):
    for i in range(50):
        cache.put(k * 1000 + i, [k, i])
def churn():
    for i in range(20):
        x = [[i]] * 10
        gc.collect()
hs = [spawn(fill, 1), spawn(fill, 2), spawn(churn)]
for h in hs:
    join(h)
gc.collect()
ok = 0
for k in [1, 2]:
    for i in range(50):
        if cache.get(k * 1000 + i) == [k, i]:
            ok += 1
print(ok)
";
    for _ in 0..5 {
        let outcome = run(source, Mode::Eml);
        assert_clean(&outcome);
        assert_eq!(outcome.output, "100\n");
    }
}

#[test]
fn dropped_cache_entries_are_reclaimed_after_the_scan() {
    let source = "\
import cache
import gc
for i in range(1000):
    cache.put(i, [i])
for i in range(1000):
    cache.drop(i)
print(gc.collect() >= 1000)
";
    assert_eq!(run(source, Mode::Eml).output, "True\n");
}

#[test]
fn gc_ignore_pins_frees_cached_objects() {
    let source = "\
import cache
import gc
cache.put('k', [1, 2, 3])
gc.collect()
print(cache.get('k'))
";
    let clean = run(source, Mode::Eml);
    assert_clean(&clean);
    assert_eq!(clean.output, "[1, 2, 3]\n");
    let buggy = run_with(source, Mode::Eml, Bugs::none().with(Bug::GcIgnorePins));
    assert_eq!(buggy.uncaught.len(), 1);
    assert_eq!(buggy.uncaught[0].exception.kind, ErrorKind::UseAfterFree);
}

#[test]
fn touching_objects_after_releasing_the_eml_is_reported() {
    let outcome = run("import blocking\nprint(blocking.peek_released([1]))\n", Mode::Eml);
    assert!(outcome.main_failed);
    assert_eq!(outcome.uncaught[0].exception.kind, ErrorKind::OutsideEml);
}

#[test]
fn callbacks_can_call_other_extensions_without_deadlock() {
    let source = "\
import callback
import counter
c = [0]
def inner(x):
    counter.incr(c, 0)
    return x
def bump(x):
    counter.incr(c, 0)
    return callback.apply(inner, x)
def work():
    for i in range(200):
        callback.apply(bump, 0)
hs = [spawn(work), spawn(work)]
for h in hs:
    join(h)
print(c[0])
";
    for mode in Mode::ALL {
        let outcome = run(source, mode);
        assert_clean(&outcome);
        if mode != Mode::Nogil {
            assert_eq!(outcome.output, "800\n", "mode {mode}");
        }
    }
}

#[test]
fn the_gil_hands_over_to_a_waiting_thread() {
    // Each thread spins until the other has moved: impossible without switching.
    let source = "\
flags = [0, 0]
def ping():
    flags[0] = 1
    while flags[1] == 0:
        pass
h = spawn(ping)
while flags[0] == 0:
    pass
flags[1] = 1
join(h)
print('handed over')
";
    let outcome = run(source, Mode::Gil);
    assert_clean(&outcome);
    assert_eq!(outcome.output, "handed over\n");
}

#[test]
fn two_threads_promoting_at_once_do_not_deadlock() {
    let source = "\
import counter
c = [0]
def work():
    for i in range(3000):
        counter.incr(c, 0)
hs = [spawn(work), spawn(work), spawn(work)]
for h in hs:
    join(h)
print(c[0])
";
    for mode in [Mode::Eml, Mode::Gil, Mode::GilOnImport] {
        let outcome = run(source, mode);
        assert_clean(&outcome);
        assert_eq!(outcome.output, "9000\n", "mode {mode}");
    }
}
