//! Mark-sweep over the heap. The caller guarantees the world is stopped.

use super::{Handle, Heap};
use crate::value::Value;
use std::sync::atomic::Ordering::Relaxed;

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
    pub fn collect(&self, roots: impl IntoIterator<Item = Value>) -> CollectStats {
        crate::step::record(crate::step::Resource::World, crate::step::Access::Write);
        let mut stats = CollectStats::default();
        let mut work: Vec<Handle> = roots.into_iter().filter_map(Value::handle).collect();
        while let Some(handle) = work.pop() {
            let mut cell = self.slot(handle.slot).cell.write();
            if cell.generation != handle.generation || cell.marked {
                continue;
            }
            let Some(object) = &cell.object else { continue };
            object.trace(|v| {
                if let Value::Obj(h) = v {
                    work.push(h)
                }
            });
            cell.marked = true;
            stats.marked += 1;
        }
        let mut state = self.alloc.lock();
        let mut bytes = 0;
        // The free list is kept in descending order, so that `pop` reuses low slots first and the
        // heap stays compact: sweep from the top, then merge with what was still free.
        let still_free = std::mem::take(&mut state.free);
        for slot in (0..state.next_slot).rev() {
            let mut cell = self.slot(slot).cell.write();
            let Some(object) = &cell.object else { continue };
            if cell.marked {
                bytes += super::footprint(object);
                cell.marked = false;
            } else {
                cell.object = None;
                state.free.push(slot);
                stats.freed += 1;
            }
        }
        if !still_free.is_empty() {
            // Two descending runs: a stable sort merges them in linear time.
            state.free.extend(still_free);
            state.free.sort_by(|a, b| b.cmp(a));
        }
        // Every object left is marked: the count is exact, whatever threads had not reported yet.
        self.live.store(stats.marked, Relaxed);
        self.allocated_since_collect.store(0, Relaxed);
        self.epoch.fetch_add(1, Relaxed);
        self.bytes.store(bytes, Relaxed);
        self.bytes_after_collect.store(bytes, Relaxed);
        stats
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
