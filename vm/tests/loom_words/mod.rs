//! Loom's atomics as the [`Words`] of the VM's lock-free protocols, and the model runner, for
//! their model tests.

use emlab_vm::seqlock::Words;
use loom::sync::atomic::{AtomicU64, Ordering};

/// Loom's atomics, fence and yield.
pub struct LoomWords;

impl Words for LoomWords {
    type Word = AtomicU64;
    fn new(value: u64) -> AtomicU64 {
        AtomicU64::new(value)
    }
    fn load(word: &AtomicU64, order: Ordering) -> u64 {
        word.load(order)
    }
    fn store(word: &AtomicU64, value: u64, order: Ordering) {
        word.store(value, order)
    }
    fn compare_exchange_weak(
        word: &AtomicU64,
        current: u64,
        new: u64,
        success: Ordering,
        failure: Ordering,
    ) -> Result<u64, u64> {
        word.compare_exchange_weak(current, new, success, failure)
    }
    fn fence(order: Ordering) {
        loom::sync::atomic::fence(order)
    }
    fn spin() {
        loom::thread::yield_now()
    }
}

/// Runs `f` under loom with at most 3 preemptions per execution.
pub fn model(f: impl Fn() + Sync + Send + 'static) {
    let mut builder = loom::model::Builder::new();
    builder.preemption_bound = Some(3);
    builder.check(f);
}
