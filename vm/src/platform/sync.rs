//! A std-shaped facade over a [`Platform`]'s primitives.
//!
//! `Mutex<P, T>` reads like `std::sync::Mutex<T>` (without poisoning), and so on.

use super::Platform;
use std::marker::PhantomData;

/// A mutual-exclusion lock of platform `P`.
pub struct Mutex<P: Platform, T: Send> {
    inner: P::Mutex<T>,
}

impl<P: Platform, T: Send> Mutex<P, T> {
    pub fn new(value: T) -> Self {
        Mutex { inner: P::mutex_new(value) }
    }

    pub fn lock(&self) -> P::Guard<'_, T> {
        P::mutex_lock(&self.inner)
    }
}

/// A condition variable of platform `P`, used with a [`Mutex`] of the same platform.
pub struct Condvar<P: Platform> {
    inner: P::Condvar,
}

impl<P: Platform> Condvar<P> {
    pub fn new() -> Self {
        Condvar { inner: P::condvar_new() }
    }

    pub fn wait<'a, T: Send>(&self, guard: P::Guard<'a, T>) -> P::Guard<'a, T> {
        P::condvar_wait(&self.inner, guard)
    }

    pub fn notify_all(&self) {
        P::condvar_notify_all(&self.inner)
    }
}

impl<P: Platform> Default for Condvar<P> {
    fn default() -> Self {
        Self::new()
    }
}

/// An atomic boolean of platform `P`. All accesses are sequentially consistent.
pub struct AtomicBool<P: Platform> {
    inner: P::AtomicBool,
}

impl<P: Platform> AtomicBool<P> {
    pub fn new(value: bool) -> Self {
        AtomicBool { inner: P::atomic_bool_new(value) }
    }

    pub fn load(&self) -> bool {
        P::atomic_bool_load(&self.inner)
    }

    pub fn store(&self, value: bool) {
        P::atomic_bool_store(&self.inner, value)
    }
}

/// An atomic counter of platform `P`. All accesses are sequentially consistent.
pub struct AtomicU64<P: Platform> {
    inner: P::AtomicU64,
}

impl<P: Platform> AtomicU64<P> {
    pub fn new(value: u64) -> Self {
        AtomicU64 { inner: P::atomic_u64_new(value) }
    }

    pub fn load(&self) -> u64 {
        P::atomic_u64_load(&self.inner)
    }

    pub fn fetch_add(&self, delta: u64) -> u64 {
        P::atomic_u64_fetch_add(&self.inner, delta)
    }
}

/// Thread functions of platform `P`.
pub struct Thread<P>(PhantomData<P>);

impl<P: Platform> Thread<P> {
    pub fn spawn(name: String, f: impl FnOnce() + Send + 'static) -> Result<P::JoinHandle, String> {
        P::spawn(name, Box::new(f))
    }
}
