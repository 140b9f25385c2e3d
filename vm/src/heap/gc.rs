//! Mark-sweep over the heap. The caller guarantees the world is stopped.

use super::{Handle, Heap, LocalHeap, SweepCursor, SWEEP_BLOCK};
use crate::value::{Value, V};
use std::sync::atomic::Ordering::{Acquire, Relaxed};

/// What one collection did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct CollectStats {
    pub marked: usize,
    pub freed: usize,
}

impl Heap {
    /// Marks everything reachable from `roots` and frees the rest.
    ///
    /// Must only run while no other thread can touch the heap (stop-the-world):
    /// an object freed here may still be named by a stale handle, which later
    /// accesses detect through the generation check.
    ///
    /// With `lazily` (and a heap that hands out batches, see [`super::LocalHeap`]) only the mark
    /// runs in the pause: the garbage is freed afterwards, a block of slots at a time, by the
    /// threads that need free slots, in parallel with everything else (see [`Heap::sweep_block`]).
    /// The counts, and the room the garbage took, are exact at once; `freed` is then 0. Otherwise
    /// (and always with a batch of 1, whose slot order traces must not depend on timing) the sweep
    /// runs here too.
    pub fn collect_with(&self, roots: impl IntoIterator<Item = Value>, lazily: bool) -> CollectStats {
        crate::step::record(crate::step::Resource::World, crate::step::Access::Write);
        let epoch = (self.epoch.load(Relaxed) + 1) as u32;
        let mut stats = CollectStats::default();
        let mut bytes = 0;
        let mut work: Vec<Handle> = roots.into_iter().filter_map(Value::handle).collect();
        while let Some(handle) = work.pop() {
            let target = self.slot(handle.slot);
            let cell = target.cell.read();
            if target.generation() != handle.generation || target.mark.load(Relaxed) == epoch {
                continue;
            }
            let Some(object) = &cell.object else { continue };
            object.trace(|v| {
                if let V::Obj(h) = v.unpack() {
                    work.push(h)
                }
            });
            bytes += super::footprint(object);
            target.mark.store(epoch, Relaxed);
            stats.marked += 1;
        }
        let mut state = self.alloc.lock();
        if lazily && self.batch > 1 {
            self.sweep_end.store(state.next_slot, Relaxed);
        } else {
            self.sweep_end.store(0, Relaxed);
            // The free list is kept in descending order, so that `pop` reuses low slots first and
            // the heap stays compact: sweep from the top, then merge with what was still free.
            let still_free = std::mem::take(&mut state.free);
            for slot in (0..state.next_slot).rev() {
                let target = self.slot(slot);
                let mut cell = target.cell.write();
                if cell.object.is_some() && target.mark.load(Relaxed) != epoch {
                    self.readers.revoke(&target.tag, slot);
                    cell.object = None;
                    target.clear_tag();
                    state.free.push(slot);
                    stats.freed += 1;
                }
            }
            if !still_free.is_empty() {
                // Two descending runs: a stable sort merges them in linear time.
                state.free.extend(still_free);
                state.free.sort_by(|a, b| b.cmp(a));
            }
        }
        // Every object left is marked (or garbage a lazy sweep will free): the count is exact,
        // whatever threads had not reported yet.
        self.live.store(stats.marked, Relaxed);
        self.allocated_since_collect.store(0, Relaxed);
        let freed = self.bytes.load(Relaxed).saturating_sub(bytes);
        self.bytes.store(bytes, Relaxed);
        self.pressure_at.store(super::pressure_point(self.max_bytes, bytes, freed), Relaxed);
        self.epoch.fetch_add(1, Relaxed);
        stats
    }

    /// [`Heap::collect_with`], sweeping at once.
    pub fn collect(&self, roots: impl IntoIterator<Item = Value>) -> CollectStats {
        self.collect_with(roots, false)
    }

    /// Frees the garbage in the next unswept block of slots after a lazy collection, adding the
    /// slots it frees to the thread's cache (and small item buffers to its spares, see
    /// [`LocalHeap`]). Returns false when nothing is left to sweep.
    ///
    /// Safe to run while other threads run: garbage is unreachable, so only a stale handle could
    /// name it, and every access through a handle checks the generation under the slot's lock;
    /// slots that threads hold in their caches are empty and skipped; an object allocated since the
    /// collection carries the current mark.
    pub(super) fn sweep_block(&self, local: &mut LocalHeap) -> bool {
        let end = self.sweep_end.load(Relaxed);
        let epoch = self.epoch.load(Relaxed) as u32;
        let Some(block) = self.claim_block(local, end.div_ceil(SWEEP_BLOCK), epoch) else { return false };
        let start = block * SWEEP_BLOCK;
        let mut garbage = Vec::new();
        for slot in (start..end.min(start.saturating_add(SWEEP_BLOCK))).rev() {
            let target = self.slot(slot);
            if self.lock_free {
                // An empty slot (perhaps in another thread's cache, being filled) or a live object
                // is left alone, its cell untouched: its tag, or its mark after the tag (both stored
                // when it was allocated, the tag last, with release ordering), says so.
                let tag = target.tag.load(Acquire);
                if !super::garbage_in(tag, target.mark.load(Relaxed), epoch) {
                    continue;
                }
                // SAFETY: the object is garbage: no thread holds a handle to it (the collector's
                // contract, kept while the lock-free paths are on, see
                // [`Heap::enable_lock_free_fast_paths`]), so nothing else reaches this cell, and
                // this thread alone sweeps this block.
                let cell = unsafe { &mut *target.cell.data_ptr() };
                let object = cell.object.take();
                target.clear_tag();
                local.slots.push(slot);
                // No lock is held: dropped (or kept for reuse) at once, while its memory is warm.
                if let Some(object) = object {
                    local.recycle(object);
                }
                continue;
            }
            let mut cell = target.cell.write();
            // Read through a shared reference: a biased read of a live object may be under way.
            if cell.object.is_some() && target.mark.load(Relaxed) != epoch {
                // Only a stale handle could be reading garbage, but it must not overlap the free.
                self.readers.revoke(&target.tag, slot);
                garbage.extend(cell.object.take());
                target.clear_tag();
                local.slots.push(slot);
            }
        }
        // Dropped (or kept for reuse) outside the slots' locks.
        for object in garbage {
            local.recycle(object);
        }
        true
    }
}

/// A block's sweep state (see [`Heap::sweep_block`]): the collection epoch it was last swept in,
/// and the owner number of the thread whose cache its slots went to ([`NO_SWEEPER`] for none).
#[inline]
pub fn block_state(epoch: u32, sweeper: u16) -> u64 {
    (epoch as u64) << 16 | sweeper as u64
}

/// The sweeper recorded for a thread without an owner number.
const NO_SWEEPER: u16 = u16::MAX;

/// Whether the lazy sweep of collection epoch `epoch`, in thread `me`, claims a block whose sweep
/// state is `state` (see [`block_state`]): one not swept in this epoch yet that `me` swept last
/// time, or, once `me` is through its own (`any`), any not swept yet. The claim itself is a
/// compare-and-swap from `state` to `block_state(epoch, me)`, so that one thread sweeps it.
#[inline]
pub fn sweep_claims(state: u64, epoch: u32, me: u16, any: bool) -> bool {
    (state >> 16) as u32 != epoch && (any || state as u16 == me)
}

impl Heap {
    /// Claims the next block below `blocks` that the lazy sweep of collection epoch `epoch` has
    /// not swept yet, for `local`'s thread: one it swept itself last time if any is left, then
    /// any. Each block is claimed once per epoch (a compare-and-swap of its state).
    ///
    /// A thread allocates into the slots its sweeps free, so a block tends to stay with one
    /// thread: sweeping its own blocks, a thread writes memory that is already in its cache,
    /// where a block another thread filled would move every line of it across (a 5% difference
    /// for two threads that only allocate, with a shared cursor).
    fn claim_block(&self, local: &mut LocalHeap, blocks: u32, epoch: u32) -> Option<u32> {
        let cursor = &mut local.sweep;
        if cursor.epoch != epoch {
            *cursor = SweepCursor { epoch, next: 0, any: false };
        }
        let me = local.owner.unwrap_or(NO_SWEEPER);
        loop {
            if cursor.next >= blocks {
                if cursor.any {
                    return None;
                }
                (cursor.next, cursor.any) = (0, true);
                continue;
            }
            let block = cursor.next;
            cursor.next += 1;
            let state = self.block(block);
            let mut seen = state.load(Relaxed);
            // Relaxed is enough: the claim only divides the blocks between the sweeping threads;
            // what the sweep reads of each slot it orders with the slot's own tag. (A failed swap
            // sees either another thread's claim or a new owner from `give_fresh`.)
            while sweep_claims(seen, epoch, me, cursor.any) {
                match state.compare_exchange_weak(seen, block_state(epoch, me), Relaxed, Relaxed) {
                    Ok(_) => return Some(block),
                    Err(now) => seen = now,
                }
            }
        }
    }

    /// Records that the fresh slots `slots` go to `local`'s thread, so that the lazy sweeps after
    /// the next collection leave their blocks to it.
    pub(super) fn give_fresh(&self, local: &LocalHeap, slots: std::ops::Range<u32>) {
        let me = local.owner.unwrap_or(NO_SWEEPER);
        for block in slots.start / SWEEP_BLOCK..slots.end.div_ceil(SWEEP_BLOCK) {
            let state = self.block(block);
            let _ = state.fetch_update(Relaxed, Relaxed, |s| Some(s & !0xFFFF | me as u64));
        }
    }
}

impl Heap {
    /// Every object reachable from `roots` (a mark without a sweep, for the leak check).
    pub fn reachable(&self, roots: impl IntoIterator<Item = Value>) -> std::collections::HashSet<Handle> {
        let mut seen = std::collections::HashSet::new();
        let mut work: Vec<Handle> = roots.into_iter().filter_map(Value::handle).collect();
        while let Some(handle) = work.pop() {
            if seen.contains(&handle) {
                continue;
            }
            let traced = self.read(handle, |object| {
                let mut children = Vec::new();
                object.trace(|v| children.extend(v.handle()));
                children
            });
            if let Ok(children) = traced {
                seen.insert(handle);
                work.extend(children);
            }
        }
        seen
    }
}
