//! The loom platform: every interleaving (up to loom's preemption bound) is explored.
//!
//! Must be used inside `loom::model`. Loom allows at most 4 spawned threads.

use super::Platform;
use loom::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering::SeqCst};

/// Threads under loom's exhaustive model checker.
#[derive(Debug, Clone, Copy, Default)]
pub struct Loom;

loom::lazy_static! {
    /// A per-execution atomic touched at every switch point, so that loom may preempt there.
    static ref STEPS: AtomicUsize = AtomicUsize::new(0);
}

impl Platform for Loom {
    const NAME: &'static str = "loom";
    const CONTROLLED: bool = true;
    // Loom runs the main thread on a fixed 32 KiB coroutine stack (spawned ones get 2 MiB): past
    // these, that stack would overflow, and loom hangs or panics instead of reporting.
    fn max_nesting(main: bool) -> usize {
        if main {
            16
        } else {
            1000
        }
    }

    fn max_callback_nesting(main: bool) -> usize {
        if main {
            4
        } else {
            100
        }
    }

    type Mutex<T: Send> = loom::sync::Mutex<T>;
    type Guard<'a, T: Send + 'a> = loom::sync::MutexGuard<'a, T>;
    type Condvar = loom::sync::Condvar;
    type AtomicBool = AtomicBool;
    type AtomicU64 = AtomicU64;
    type JoinHandle = loom::thread::JoinHandle<()>;

    fn mutex_new<T: Send>(value: T) -> Self::Mutex<T> {
        loom::sync::Mutex::new(value)
    }

    fn mutex_lock<T: Send>(mutex: &Self::Mutex<T>) -> Self::Guard<'_, T> {
        mutex.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    fn condvar_new() -> Self::Condvar {
        loom::sync::Condvar::new()
    }

    fn condvar_wait<'a, T: Send>(condvar: &Self::Condvar, guard: Self::Guard<'a, T>) -> Self::Guard<'a, T> {
        condvar.wait(guard).unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    fn condvar_notify_all(condvar: &Self::Condvar) {
        condvar.notify_all();
    }

    fn atomic_bool_new(value: bool) -> Self::AtomicBool {
        AtomicBool::new(value)
    }

    fn atomic_bool_load(atomic: &Self::AtomicBool) -> bool {
        atomic.load(SeqCst)
    }

    fn atomic_bool_store(atomic: &Self::AtomicBool, value: bool) {
        atomic.store(value, SeqCst)
    }

    fn atomic_u64_new(value: u64) -> Self::AtomicU64 {
        AtomicU64::new(value)
    }

    fn atomic_u64_load(atomic: &Self::AtomicU64) -> u64 {
        atomic.load(SeqCst)
    }

    fn atomic_u64_fetch_add(atomic: &Self::AtomicU64, delta: u64) -> u64 {
        atomic.fetch_add(delta, SeqCst)
    }

    fn spawn(name: String, f: Box<dyn FnOnce() + Send + 'static>) -> Result<Self::JoinHandle, String> {
        // Loom's coroutines default to a 32 KiB stack; the interpreter wants more.
        loom::thread::Builder::new().name(name).stack_size(2 << 20).spawn(f).map_err(|e| e.to_string())
    }

    fn join(handle: Self::JoinHandle) {
        let _ = handle.join();
    }

    fn yield_now() {
        loom::thread::yield_now();
    }

    fn switch_point() {
        STEPS.fetch_add(1, SeqCst);
    }

    fn spin_hint() {
        loom::thread::yield_now();
    }
}
