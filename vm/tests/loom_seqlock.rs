//! Loom model test of the sequence lock behind the VM's globals ([`emlab_vm::seqlock`]).
//!
//! Loom explores every interleaving of a writer and a reader (and of two writers), and lets each
//! relaxed load read any store the memory model allows, stale ones included: a reader must never
//! return a pair that no single write stored.

use emlab_vm::seqlock::{SeqCell, Words};
use loom::sync::atomic::{AtomicU64, Ordering};
use loom::sync::Arc;

/// Loom's atomics, fence and yield.
struct LoomWords;

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

fn model(f: impl Fn() + Sync + Send + 'static) {
    let mut builder = loom::model::Builder::new();
    builder.preemption_bound = Some(3);
    builder.check(f);
}

#[test]
fn a_reader_sees_one_whole_write() {
    model(|| {
        let cell = Arc::new(SeqCell::<LoomWords>::new([0, 0]));
        let writer = {
            let cell = cell.clone();
            loom::thread::spawn(move || {
                cell.write([1, 10]);
                cell.write([2, 20]);
            })
        };
        let [a, b] = cell.read();
        assert_eq!(b, a * 10, "torn read: [{a}, {b}]");
        writer.join().unwrap();
        assert_eq!(cell.read(), [2, 20], "after the join, the last write");
    });
}

#[test]
fn writers_exclude_each_other() {
    model(|| {
        let cell = Arc::new(SeqCell::<LoomWords>::new([0, 0]));
        let other = {
            let cell = cell.clone();
            loom::thread::spawn(move || cell.write([1, 10]))
        };
        cell.write([2, 20]);
        other.join().unwrap();
        let [a, b] = cell.read();
        assert!([a, b] == [1, 10] || [a, b] == [2, 20], "a mixed pair: [{a}, {b}]");
    });
}
