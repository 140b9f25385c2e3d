//! Loom model tests of the concurrency core, through the `Platform` abstraction.
//!
//! Each model runs a tiny VM program under `loom` exhaustively (preemption bound 2) and must
//! pass; its twin switches on the seeded bug that breaks the mechanism under test, and loom must
//! find a failing interleaving.

use emlab_vm::platform::Loom;
use emlab_vm::{compile_source, Bug, Bugs, Mode, Vm, VmConfig};
use std::panic::{catch_unwind, AssertUnwindSafe};

/// Explores every interleaving of `source` (up to 2 preemptions); Err describes the first failure.
fn explore(source: &str, bugs: Bugs) -> Result<(), String> {
    explore_spinning(source, bugs, 0)
}

/// [`explore`] with threads that wait for the coordinator spinning up to `spins` pauses first
/// (as native threads do), instead of sleeping at once.
fn explore_spinning(source: &str, bugs: Bugs, spins: u32) -> Result<(), String> {
    // One exploration at a time: the panic hook's record is process-wide.
    static SERIAL: std::sync::Mutex<()> = std::sync::Mutex::new(());
    let _serial = SERIAL.lock().unwrap_or_else(|e| e.into_inner());
    quiet_panics();
    let program = compile_source(source, "model.py").expect("the model program compiles");
    let result = catch_unwind(AssertUnwindSafe(|| {
        let mut builder = loom::model::Builder::new();
        builder.preemption_bound = Some(2);
        builder.max_branches = 20_000;
        builder.check(move || {
            let mut config = VmConfig { mode: Mode::Eml, bugs, spin_before_wait: spins, ..VmConfig::for_checking() };
            config.limits.max_steps = Some(3_000);
            let outcome = Vm::<Loom>::new(program.clone(), config).expect("the VM starts").run();
            if let Some(error) = outcome.uncaught.first() {
                panic!("t{}: {}", error.thread, error.exception);
            }
        });
    }));
    result.map_err(|_| FIRST_PANIC.lock().unwrap_or_else(|e| e.into_inner()).take().unwrap_or_default())
}

/// The first panic message of the current exploration. Loom's coroutines have small stacks, so
/// the hook prints no backtrace (RUST_BACKTRACE=1 would overflow them); and when loom reports a
/// deadlock, a second panic follows while unwinding, so the first message is the one to keep.
static FIRST_PANIC: std::sync::Mutex<Option<String>> = std::sync::Mutex::new(None);

fn quiet_panics() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        std::panic::set_hook(Box::new(|info| {
            let message = info.payload_as_str().unwrap_or("panic").to_string();
            let mut first = FIRST_PANIC.lock().unwrap_or_else(|e| e.into_inner());
            first.get_or_insert(message);
        }))
    });
    *FIRST_PANIC.lock().unwrap_or_else(|e| e.into_inner()) = None;
}

fn assert_model_passes(source: &str) {
    if let Err(failure) = explore(source, Bugs::none()) {
        panic!("the correct core failed under loom: {failure}");
    }
}

fn assert_loom_catches(source: &str, bug: Bug) {
    match explore(source, Bugs::none().with(bug)) {
        Ok(()) => panic!("loom explored every interleaving and did not catch {bug}"),
        Err(failure) => println!("loom caught {bug}: {failure}"),
    }
}

/// A thread spinning in a loop must park at its back-edge when another thread stops the world.
const HANDSHAKE: &str = "\
import gc
flag = [0]
def spin():
    while flag[0] == 0:
        pass
h = spawn(spin)
gc.collect()
flag[0] = 1
join(h)
";

#[test]
fn safepoint_handshake() {
    assert_model_passes(HANDSHAKE);
    assert_loom_catches(HANDSHAKE, Bug::NoSafepointBackedge);
}

/// An extension call runs exclusive: a core thread can't write between its read and its write,
/// and two promoters at once neither deadlock nor lose an update.
const PROMOTERS: &str = "\
import counter
c = [0]
def core_writer():
    c[0] += 10
def promoter():
    counter.incr(c, 0)
h1 = spawn(core_writer)
h2 = spawn(promoter)
counter.incr(c, 0)
join(h1)
join(h2)
assert c[0] == 12, c[0]
";

#[test]
fn concurrent_promoters() {
    assert_model_passes(PROMOTERS);
    assert_loom_catches(PROMOTERS, Bug::EmlEarlyDemote);
}

/// Waiters that spin before they sleep (the native default) lose no wake-up: promotions and the
/// safepoint handshake still finish, and the seeded bug is still caught.
#[test]
fn promotion_with_spinning_waiters() {
    for source in [PROMOTERS, HANDSHAKE] {
        if let Err(failure) = explore_spinning(source, Bugs::none(), 2) {
            panic!("the correct core failed under loom with spinning waiters: {failure}");
        }
    }
    assert!(
        explore_spinning(PROMOTERS, Bugs::none().with(Bug::EmlEarlyDemote), 2).is_err(),
        "loom explored every interleaving with spinning waiters and did not catch the early demote"
    );
}

/// A callback drops to read mode; the call must promote again before its last write. A core
/// write during the callback is overwritten by design (outcome 1), but one that read before the
/// extension's final write can never land after it (outcome 10).
const CALLBACK: &str = "\
import callback
c = [0]
def inc(x):
    return x + 1
def core_writer():
    c[0] += 10
h = spawn(core_writer)
callback.update(c, inc)
join(h)
assert c[0] == 1 or c[0] == 11, c[0]
";

#[test]
fn callback_repromotes() {
    assert_model_passes(CALLBACK);
    assert_loom_catches(CALLBACK, Bug::EmlCallbackDemote);
}

/// A collection racing a promotion: objects held only by the cache survive it.
const PROMOTION_VS_COLLECTION: &str = "\
import cache
import gc
cache.put('k', [1, 2])
def collector():
    gc.collect()
h = spawn(collector)
v = cache.get('k')
join(h)
assert cache.get('k') == [1, 2]
";

#[test]
fn promotion_versus_collection() {
    assert_model_passes(PROMOTION_VS_COLLECTION);
    assert_loom_catches(PROMOTION_VS_COLLECTION, Bug::GcIgnorePins);
}

/// The scan must not unpin an argument before the extension increfs it.
const SCAN_VS_INCREF: &str = "\
import cache
import gc
def collector():
    gc.collect()
h = spawn(collector)
cache.put('k', [7])
join(h)
gc.collect()
assert cache.get('k') == [7]
cache.drop('k')
";

#[test]
fn scan_versus_incref_and_decref() {
    assert_model_passes(SCAN_VS_INCREF);
    assert_loom_catches(SCAN_VS_INCREF, Bug::PinBorrowUncounted);
}

/// A thread blocked on a Lock holds no read share, and its locals stay roots while it is blocked.
const BLOCKED: &str = "\
import gc
lock = Lock()
lock.acquire()
def waiter():
    mine = [1, 2]
    with lock:
        pass
    assert mine[1] == 2
h = spawn(waiter)
gc.collect()
lock.release()
join(h)
";

#[test]
fn detach_while_blocked() {
    assert_model_passes(BLOCKED);
    assert_loom_catches(BLOCKED, Bug::EmlNoDetach);
    assert_loom_catches(BLOCKED, Bug::GcSkipDetachedRoots);
}

/// Each append is atomic under the list's own lock; split into a read of the length and a
/// write of that slot, two appends can land in the same slot.
const APPENDS: &str = "\
items = []
def work():
    items.append(1)
h = spawn(work)
items.append(2)
join(h)
assert len(items) == 2, items
";

#[test]
fn list_append_is_atomic() {
    assert_model_passes(APPENDS);
    assert_loom_catches(APPENDS, Bug::ListAppendUnlocked);
}
