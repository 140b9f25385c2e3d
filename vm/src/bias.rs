//! Reader-biased heap slots: reads of an object that several threads read and none writes, without
//! writing the object's lock word.
//!
//! Every heap slot has a read/write lock, and taking a read lock writes its reader count: two
//! cores reading one shared dict or list move that cache line back and forth on every read. This
//! module is the protocol of BRAVO (Dice and Kogan, "BRAVO: Biased Locking for Reader-Writer
//! Locks", USENIX ATC 2019) over a slot's atomic tag:
//!
//! * a slot whose tag has [`BIAS`] set may be read without its lock. The reader publishes the
//!   slot's number in its own entry of a [`Readers`] table (a cache line no other thread writes),
//!   then loads the tag again: if the tag is unchanged, the read goes ahead, and the reader clears
//!   its entry after it ([`Readers::enter`], [`Readers::leave`]);
//! * a writer, holding the slot's write lock (which excludes every reader that took the lock),
//!   clears the bias and then waits until no entry names the slot ([`Readers::revoke`]), before it
//!   touches the object.
//!
//! Between the publication and the re-check, and between the clearing and the scan, each side
//! issues a sequentially consistent fence: of a reader and a writer, the one whose fence comes
//! second sees the other's store, so either the writer waits for the reader, or the reader sees
//! the bias gone and takes the lock. (Fences rather than sequentially consistent loads and
//! stores: loom models those fences exactly, and the accesses only as acquire and release.) A
//! reader's `leave` (release) is what the writer's scan (acquire) waits for: everything the
//! reader read happens before the writer's change. Setting the bias is done under the slot's
//! read lock, so it never races a writer, and a reader that saw it set also sees everything
//! written before. A revocation scans only the readers registered so far (threads register when
//! they start, before their first read), so with few threads it costs a few loads.
//!
//! The atomics are a type parameter ([`Words`]), as in [`crate::seqlock`], so that the model test
//! in `vm/tests/loom_bias.rs` runs this code on loom's atomics with a loom `UnsafeCell` as the
//! object: loom reports any interleaving where a biased read overlaps a write.

use crate::seqlock::Words;
use std::sync::atomic::Ordering::{Acquire, Relaxed, Release, SeqCst};

/// The tag bit that marks a slot as read-biased.
pub const BIAS: u64 = 1 << 63;

/// One reader's entry on its own cache line (two, against the adjacent-line prefetcher).
#[repr(align(128))]
struct Entry<W: Words>(W::Word);

/// One entry per reader thread: the number (plus one) of the slot it is reading without the
/// lock, or 0.
pub struct Readers<W: Words> {
    entries: Box<[Entry<W>]>,
    /// One more than the highest reader number registered so far: a revocation scans only the
    /// entries below it.
    registered: W::Word,
}

impl<W: Words> Readers<W> {
    /// A table for readers `0..n`.
    pub fn new(n: usize) -> Self {
        Readers { entries: (0..n).map(|_| Entry(W::new(0))).collect(), registered: W::new(0) }
    }

    /// Registers reader `me` before its first biased read: from now on revocations wait for it.
    /// (A revocation whose fence comes after the reader's sees the registration too: it is
    /// sequenced before the reader's publication.)
    pub fn register(&self, me: usize) {
        let want = (me as u64 + 1).min(self.entries.len() as u64);
        let mut now = W::load(&self.registered, Relaxed);
        while now < want {
            match W::compare_exchange_weak(&self.registered, now, want, Release, Relaxed) {
                Ok(_) => break,
                Err(seen) => now = seen,
            }
        }
    }

    /// How many readers the table has room for.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether the table has no room at all.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Reader `me` asks to read slot `slot` without its lock, having loaded `tag` (with [`BIAS`]
    /// set) from the slot's tag word `word`. True if it may: it must then call
    /// [`Readers::leave`] when done. False if the bias went away (or `me` is already inside a
    /// biased read): take the lock.
    #[inline]
    pub fn enter(&self, me: usize, word: &W::Word, tag: u64, slot: u32) -> bool {
        let Some(Entry(entry)) = self.entries.get(me) else { return false };
        if tag & BIAS == 0 || W::load(entry, Relaxed) != 0 {
            return false;
        }
        W::store(entry, slot as u64 + 1, Relaxed);
        W::fence(SeqCst);
        if W::load(word, Acquire) == tag {
            return true;
        }
        W::store(entry, 0, Release);
        false
    }

    /// Ends reader `me`'s biased read (after [`Readers::enter`] returned true).
    #[inline]
    pub fn leave(&self, me: usize) {
        if let Some(Entry(entry)) = self.entries.get(me) {
            W::store(entry, 0, Release);
        }
    }

    /// Called by a writer of slot `slot` that holds the slot's write lock, before it changes the
    /// object: if the tag in `word` has [`BIAS`], clears it (counting one more revocation in the
    /// bits [`REVOCATIONS_SHIFT`] up, which stops at its maximum) and waits until no reader is
    /// inside a biased read of the slot.
    #[inline]
    pub fn revoke(&self, word: &W::Word, slot: u32) {
        let tag = W::load(word, Relaxed);
        if tag & BIAS == 0 {
            return;
        }
        let revocations = (tag >> REVOCATIONS_SHIFT) & MAX_REVOCATIONS;
        let cleared = tag & !BIAS & !(MAX_REVOCATIONS << REVOCATIONS_SHIFT)
            | (revocations + 1).min(MAX_REVOCATIONS) << REVOCATIONS_SHIFT;
        W::store(word, cleared, Relaxed);
        W::fence(SeqCst);
        let registered = (W::load(&self.registered, Acquire) as usize).min(self.entries.len());
        for Entry(entry) in &self.entries[..registered] {
            while W::load(entry, Acquire) == slot as u64 + 1 {
                W::spin();
            }
        }
    }
}

/// Where a slot's tag counts the revocations of its object's bias (7 bits, below [`BIAS`]).
pub const REVOCATIONS_SHIFT: u32 = 56;
/// Where the count stops.
pub const MAX_REVOCATIONS: u64 = 0x7f;
/// After this many revocations an object is not biased again: its writers would keep paying for
/// the scan.
pub const BIAS_LIMIT: u64 = 8;
/// Where a slot's tag holds the reader number of the thread that allocated its object (16 bits).
pub const OWNER_SHIFT: u32 = 40;
/// The owner of an object allocated outside any reader's thread.
pub const NO_OWNER: u64 = 0xffff;

/// Whether slow reader `me` (holding the slot's read lock) should set the bias of a slot whose tag
/// is `tag`: the object is live, not biased yet, was allocated by another thread, and has not been
/// revoked [`BIAS_LIMIT`] times. Objects read only by the thread that made them are never biased,
/// so a thread's own garbage never costs its sweep a revocation.
#[inline]
pub fn worth_biasing(tag: u64, me: usize) -> bool {
    tag != 0
        && tag & BIAS == 0
        && (tag >> OWNER_SHIFT) & 0xffff != me as u64
        && (tag >> REVOCATIONS_SHIFT) & MAX_REVOCATIONS < BIAS_LIMIT
}
