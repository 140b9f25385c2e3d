//! The shuttle platform: threads are scheduled by shuttle's controlled scheduler.
//!
//! Must be used inside a shuttle test (`shuttle::check_random`, a `Runner`, ...).

use super::Platform;
use shuttle::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering::SeqCst};

/// The running shuttle task's number.
fn task() -> usize {
    usize::from(shuttle::current::me())
}

/// A held shuttle mutex. Tells [`crate::step`] while the task holds it, so an explorer can keep
/// the task running through its critical section.
pub struct Guard<'a, T> {
    inner: Option<shuttle::sync::MutexGuard<'a, T>>,
}

impl<T> std::ops::Deref for Guard<'_, T> {
    type Target = T;

    fn deref(&self) -> &T {
        self.inner.as_ref().expect("a guard holds its mutex until dropped")
    }
}

impl<T> std::ops::DerefMut for Guard<'_, T> {
    fn deref_mut(&mut self) -> &mut T {
        self.inner.as_mut().expect("a guard holds its mutex until dropped")
    }
}

impl<T> Drop for Guard<'_, T> {
    fn drop(&mut self) {
        // Releasing is a scheduling point, at which the task still holds the mutex.
        drop(self.inner.take());
        crate::step::lock_released(task());
    }
}

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
    const CONTROLLED: bool = true;

    type Mutex<T: Send> = shuttle::sync::Mutex<T>;
    type Guard<'a, T: Send + 'a> = Guard<'a, T>;
    type Condvar = shuttle::sync::Condvar;
    type AtomicBool = AtomicBool;
    type AtomicU64 = AtomicU64;
    type JoinHandle = shuttle::thread::JoinHandle<()>;

    fn mutex_new<T: Send>(value: T) -> Self::Mutex<T> {
        shuttle::sync::Mutex::new(value)
    }

    fn mutex_lock<T: Send>(mutex: &Self::Mutex<T>) -> Self::Guard<'_, T> {
        let inner = mutex.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        crate::step::lock_taken(task());
        Guard { inner: Some(inner) }
    }

    fn condvar_new() -> Self::Condvar {
        shuttle::sync::Condvar::new()
    }

    fn condvar_wait<'a, T: Send>(condvar: &Self::Condvar, mut guard: Self::Guard<'a, T>) -> Self::Guard<'a, T> {
        // While it waits the thread is blocked, and it takes the mutex back before it returns: it
        // counts as holding the mutex throughout.
        let inner = guard.inner.take().expect("a guard holds its mutex until dropped");
        std::mem::forget(guard);
        let inner = condvar.wait(inner).unwrap_or_else(|poisoned| poisoned.into_inner());
        Guard { inner: Some(inner) }
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
        crate::step::mark_switch_point();
        STEPS.fetch_add(1, SeqCst);
    }

    fn spin_hint() {
        shuttle::thread::yield_now();
    }
}
