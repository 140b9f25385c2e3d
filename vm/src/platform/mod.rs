//! The `Platform`: every blocking primitive and atomic the VM's concurrency core uses.
//!
//! The VM is written once, generic over a platform, and the caller picks one at
//! run time: [`Native`] (std + parking_lot, real parallel threads), [`Shuttle`]
//! (shuttle's controlled scheduler) or [`Loom`] (loom's exhaustive model checker).
//! Native code is monomorphised, so the abstraction costs nothing there.
//!
//! The VM never names a platform type directly; it uses the facade in [`sync`],
//! which mirrors `std::sync` (`Mutex::new`, `lock()`, `Condvar::wait(guard)`,
//! atomics with `load`/`store`), so the code under test reads like ordinary Rust.
//!
//! ## Protocol
//! * A platform mutex may be held across other platform operations; a
//!   `parking_lot` lock inside the heap never is (see `heap`), which is why the
//!   heap can use plain locks even under shuttle and loom.
//! * [`Platform::switch_point`] marks a place where another thread may run
//!   (a core step touching shared state). Natively it is a no-op.

mod loom_platform;
mod native;
mod shuttle_platform;
pub mod sync;

pub use loom_platform::Loom;
pub use native::{Native, NATIVE_STACK};
pub use shuttle_platform::Shuttle;

use std::ops::DerefMut;

/// A set of synchronization primitives and a way to start threads.
///
/// Implementations are zero-sized markers; all functions are associated
/// functions so that the facade in [`sync`] can wrap them in std-like types.
pub trait Platform: Sized + Send + Sync + 'static {
    /// A short name for messages and traces: `native`, `shuttle`, `loom`.
    const NAME: &'static str;
    /// Whether a model checker schedules the threads (shuttle, loom): only then are the polls of
    /// safepoints recorded as steps' footprints. False natively, so the poll stays one load.
    const CONTROLLED: bool = false;
    /// Whether the VM may read the wall clock for statistics (promotion latency): true on real
    /// threads. Under a model checker time is no part of the model, so it is never read there.
    const REAL_TIME: bool = false;
    /// Whether VM threads are threads of the OS that run in parallel, each for as long as it
    /// reads: then a thread's number can name its entry in the heap's table of biased readers.
    const PARALLEL: bool = false;
    /// The deepest container nesting that comparing, hashing or printing follows natively (one
    /// native frame per level) before RecursionError, in the main thread (`main`) or a spawned
    /// one: what fits that thread's native stack (the lower of this and `--max-recursion` applies).
    fn max_nesting(main: bool) -> usize {
        let _ = main;
        1000
    }
    /// How deeply extension callbacks may nest (each re-enters the interpreter natively).
    fn max_callback_nesting(main: bool) -> usize {
        let _ = main;
        100
    }

    type Mutex<T: Send>: Send + Sync;
    type Guard<'a, T: Send + 'a>: DerefMut<Target = T>;
    type Condvar: Send + Sync;
    type AtomicBool: Send + Sync;
    type AtomicU64: Send + Sync;
    type JoinHandle: Send;

    fn mutex_new<T: Send>(value: T) -> Self::Mutex<T>;
    fn mutex_lock<T: Send>(mutex: &Self::Mutex<T>) -> Self::Guard<'_, T>;

    fn condvar_new() -> Self::Condvar;
    /// Atomically releases the guard's mutex and waits for a notification; relocks before returning.
    fn condvar_wait<'a, T: Send>(condvar: &Self::Condvar, guard: Self::Guard<'a, T>) -> Self::Guard<'a, T>;
    fn condvar_notify_all(condvar: &Self::Condvar);

    fn atomic_bool_new(value: bool) -> Self::AtomicBool;
    fn atomic_bool_load(atomic: &Self::AtomicBool) -> bool;
    fn atomic_bool_store(atomic: &Self::AtomicBool, value: bool);

    fn atomic_u64_new(value: u64) -> Self::AtomicU64;
    fn atomic_u64_load(atomic: &Self::AtomicU64) -> u64;
    fn atomic_u64_fetch_add(atomic: &Self::AtomicU64, delta: u64) -> u64;

    /// Starts a thread. `name` is informational. Fails (with the reason) when the OS refuses a
    /// new thread; the VM raises `RuntimeError: can't start new thread` then.
    fn spawn(name: String, f: Box<dyn FnOnce() + Send + 'static>) -> Result<Self::JoinHandle, String>;
    /// Waits for a thread started by [`Platform::spawn`].
    fn join(handle: Self::JoinHandle);
    /// Lets other threads run (a spin-loop hint on real threads).
    fn yield_now();
    /// One pause of a thread spinning on a value another thread will change: a CPU spin-loop hint
    /// natively, a yield to the other threads under a model checker.
    fn spin_pause() {
        Self::yield_now()
    }
    /// A point where a controlled scheduler may switch threads. A no-op natively.
    #[inline(always)]
    fn switch_point() {}
    /// A loop back-edge: a model checker should let other threads run here, or a spin loop waiting
    /// for another thread would never end. A no-op natively.
    #[inline(always)]
    fn spin_hint() {}
}
