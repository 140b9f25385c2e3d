//! A sequence lock over two machine words: reads that never write shared memory.
//!
//! The VM's globals are read by every thread on almost every call (`fib` looks itself up, a loop
//! reads a module-level table) and written rarely. A mutex, even uncontended, writes its lock word
//! on every read, so two cores reading the same global bounce its cache line between them. A
//! [`SeqCell`] lets readers read optimistically: they load the sequence number, the two words,
//! and the sequence number again, and retry if a writer was in between. Readers only load; only
//! writers store. This is the `seqlock` of the Linux kernel, written (after Boehm, "Can seqlocks
//! get along with programming language memory models?", MSPC 2012) with atomics and fences only,
//! so it needs no `unsafe`:
//!
//! * a writer makes the sequence odd with a compare-exchange (writers exclude each other), issues a
//!   release fence, stores the words (relaxed), and makes the sequence even again with a release
//!   store;
//! * a reader loads the sequence (acquire), the words (relaxed), issues an acquire fence, and
//!   loads the sequence again (relaxed); the words are a snapshot of one write when both loads saw
//!   the same even number.
//!
//! If a reader's word load saw a store of a write that began after its first sequence load, the
//! acquire fence synchronizes with that writer's release fence, so the second sequence load sees
//! the odd number (or later) and the reader retries: no torn pair is ever returned. The model test
//! in `vm/tests/loom_seqlock.rs` checks this under loom, whose relaxed loads may read stale values.
//!
//! The atomics are a type parameter ([`Words`]) so that the same code runs on std atomics in the
//! VM and on loom's in that test.

use std::sync::atomic::Ordering::{Acquire, Relaxed, Release};

/// The atomic operations a [`SeqCell`] needs: std's (the VM) or loom's (its model test).
pub trait Words: Send + Sync {
    type Word: Send + Sync;
    fn new(value: u64) -> Self::Word;
    fn load(word: &Self::Word, order: std::sync::atomic::Ordering) -> u64;
    fn store(word: &Self::Word, value: u64, order: std::sync::atomic::Ordering);
    /// A compare-exchange that may fail spuriously.
    fn compare_exchange_weak(
        word: &Self::Word,
        current: u64,
        new: u64,
        success: std::sync::atomic::Ordering,
        failure: std::sync::atomic::Ordering,
    ) -> Result<u64, u64>;
    fn fence(order: std::sync::atomic::Ordering);
    /// What a retrying thread does before its next attempt.
    fn spin();
}

/// `std::sync::atomic`: what the VM uses.
pub struct Std;

impl Words for Std {
    type Word = std::sync::atomic::AtomicU64;
    #[inline]
    fn new(value: u64) -> Self::Word {
        std::sync::atomic::AtomicU64::new(value)
    }
    #[inline(always)]
    fn load(word: &Self::Word, order: std::sync::atomic::Ordering) -> u64 {
        word.load(order)
    }
    #[inline(always)]
    fn store(word: &Self::Word, value: u64, order: std::sync::atomic::Ordering) {
        word.store(value, order)
    }
    #[inline(always)]
    fn compare_exchange_weak(
        word: &Self::Word,
        current: u64,
        new: u64,
        success: std::sync::atomic::Ordering,
        failure: std::sync::atomic::Ordering,
    ) -> Result<u64, u64> {
        word.compare_exchange_weak(current, new, success, failure)
    }
    #[inline(always)]
    fn fence(order: std::sync::atomic::Ordering) {
        std::sync::atomic::fence(order)
    }
    #[inline(always)]
    fn spin() {
        std::hint::spin_loop()
    }
}

/// Two words read and written as one, with reads that do not write (see the module docs).
/// Aligned to a cache line so that writing one cell never slows readers of its neighbours.
#[repr(align(64))]
pub struct SeqCell<W: Words = Std> {
    /// Even when no write is in progress; bumped by one at the start and the end of each write.
    sequence: W::Word,
    words: [W::Word; 2],
}

impl<W: Words> SeqCell<W> {
    pub fn new(words: [u64; 2]) -> Self {
        SeqCell { sequence: W::new(0), words: [W::new(words[0]), W::new(words[1])] }
    }

    /// The last pair written. Retries (spinning) while a write is in progress.
    #[inline]
    pub fn read(&self) -> [u64; 2] {
        loop {
            let before = W::load(&self.sequence, Acquire);
            if before & 1 == 0 {
                let words = [W::load(&self.words[0], Relaxed), W::load(&self.words[1], Relaxed)];
                W::fence(Acquire);
                if W::load(&self.sequence, Relaxed) == before {
                    return words;
                }
            }
            W::spin();
        }
    }

    /// Replaces the pair. Writers exclude each other; readers retry around a write.
    #[inline]
    pub fn write(&self, words: [u64; 2]) {
        let mut sequence = W::load(&self.sequence, Relaxed);
        loop {
            if sequence & 1 == 0 {
                match W::compare_exchange_weak(&self.sequence, sequence, sequence + 1, Acquire, Relaxed) {
                    Ok(_) => break,
                    Err(now) => sequence = now,
                }
            } else {
                W::spin();
                sequence = W::load(&self.sequence, Relaxed);
            }
        }
        W::fence(Release);
        W::store(&self.words[0], words[0], Relaxed);
        W::store(&self.words[1], words[1], Relaxed);
        W::store(&self.sequence, sequence + 2, Release);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_what_was_written() {
        let cell: SeqCell = SeqCell::new([1, 2]);
        assert_eq!(cell.read(), [1, 2]);
        cell.write([3, 4]);
        cell.write([5, 6]);
        assert_eq!(cell.read(), [5, 6]);
        assert_eq!(std::mem::align_of::<SeqCell>(), 64);
    }

    #[test]
    fn concurrent_readers_never_see_a_torn_pair() {
        let cell: SeqCell = SeqCell::new([0, 0]);
        std::thread::scope(|s| {
            s.spawn(|| {
                for i in 1..=200_000u64 {
                    cell.write([i, i.wrapping_mul(3)]);
                }
            });
            for _ in 0..2 {
                s.spawn(|| {
                    for _ in 0..200_000 {
                        let [a, b] = cell.read();
                        assert_eq!(b, a.wrapping_mul(3), "a torn read");
                    }
                });
            }
        });
    }
}
