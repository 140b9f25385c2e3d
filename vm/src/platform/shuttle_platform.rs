//! The shuttle platform: threads are scheduled by shuttle's controlled scheduler.
//!
//! Must be used inside a shuttle test (`shuttle::check_random`, a `Runner`, ...).

use super::Platform;
use shuttle::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering::SeqCst};

/// Threads under shuttle's control: one runs at a time, switches happen at platform operations.
#[derive(Debug, Clone, Copy, Default)]
pub struct Shuttle;

shuttle::lazy_static! {
    /// A per-execution atomic touched at every switch point. An atomic operation is a scheduling
    /// point that is not a yield: shuttle's PCT deprioritizes a yielding thread, so yielding at
    /// every step would turn PCT into round robin.
    static ref STEPS: AtomicUsize = AtomicUsize::new(0);
}

impl Platform for Shuttle {
    const NAME: &'static str = "shuttle";

    type Mutex<T: Send> = shuttle::sync::Mutex<T>;
    type Guard<'a, T: Send + 'a> = shuttle::sync::MutexGuard<'a, T>;
    type Condvar = shuttle::sync::Condvar;
    type AtomicBool = AtomicBool;
    type AtomicU64 = AtomicU64;
    type JoinHandle = shuttle::thread::JoinHandle<()>;

    fn mutex_new<T: Send>(value: T) -> Self::Mutex<T> {
        shuttle::sync::Mutex::new(value)
    }

    fn mutex_lock<T: Send>(mutex: &Self::Mutex<T>) -> Self::Guard<'_, T> {
        mutex.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    fn condvar_new() -> Self::Condvar {
        shuttle::sync::Condvar::new()
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

    fn spawn(_name: String, f: Box<dyn FnOnce() + Send + 'static>) -> Result<Self::JoinHandle, String> {
        Ok(shuttle::thread::spawn(f))
    }

    fn join(handle: Self::JoinHandle) {
        let _ = handle.join();
    }

    fn yield_now() {
        shuttle::thread::yield_now();
    }

    fn switch_point() {
        STEPS.fetch_add(1, SeqCst);
    }

    fn spin_hint() {
        shuttle::thread::yield_now();
    }
}
