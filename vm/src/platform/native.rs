//! The native platform: real OS threads, parking_lot locks, std atomics.

use super::Platform;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering::SeqCst};

/// The native stack of a VM thread: 2 MiB. Python calls run in the interpreter's own frames, not
/// on the native stack; only nested containers (compared, hashed or printed one level per nesting,
/// at most 1000 levels) and extension callbacks (at most 100 nested) recurse natively, and both
/// fit with room to spare. CPython's threads reserve 8 MiB each.
pub const NATIVE_STACK: usize = 2 << 20;

/// Real threads running in parallel.
#[derive(Debug, Clone, Copy, Default)]
pub struct Native;

impl Platform for Native {
    const NAME: &'static str = "native";
    const REAL_TIME: bool = true;
    const PARALLEL: bool = true;

    type Mutex<T: Send> = parking_lot::Mutex<T>;
    type Guard<'a, T: Send + 'a> = parking_lot::MutexGuard<'a, T>;
    type Condvar = parking_lot::Condvar;
    type AtomicBool = AtomicBool;
    type AtomicU64 = AtomicU64;
    type JoinHandle = std::thread::JoinHandle<()>;

    fn mutex_new<T: Send>(value: T) -> Self::Mutex<T> {
        parking_lot::Mutex::new(value)
    }

    #[inline]
    fn mutex_lock<T: Send>(mutex: &Self::Mutex<T>) -> Self::Guard<'_, T> {
        mutex.lock()
    }

    fn condvar_new() -> Self::Condvar {
        parking_lot::Condvar::new()
    }

    fn condvar_wait<'a, T: Send>(condvar: &Self::Condvar, mut guard: Self::Guard<'a, T>) -> Self::Guard<'a, T> {
        condvar.wait(&mut guard);
        guard
    }

    fn condvar_notify_all(condvar: &Self::Condvar) {
        condvar.notify_all();
    }

    fn atomic_bool_new(value: bool) -> Self::AtomicBool {
        AtomicBool::new(value)
    }

    #[inline]
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
        std::thread::Builder::new().name(name).stack_size(NATIVE_STACK).spawn(f).map_err(|e| e.to_string())
    }

    fn join(handle: Self::JoinHandle) {
        // A VM thread never unwinds out of its closure (panics are caught inside), so the result is Ok.
        let _ = handle.join();
    }

    fn yield_now() {
        std::thread::yield_now();
    }

    #[inline]
    fn spin_pause() {
        std::hint::spin_loop();
    }
}
