//! The heap: objects in slots addressed by generation-checked handles, no reference counts.
//!
//! A [`Handle`] names a slot and the *generation* of the object it was created
//! for. The generation is the object's allocation number (objects are numbered
//! `#1, #2, ...` in allocation order), so when a slot is freed and reused, every
//! old handle to it goes stale and an access through one is *detected* and
//! reported as [`HeapError::UseAfterFree`] with the object's number, instead of
//! reading whatever lives there now.
//!
//! ## Locking
//! Each slot carries its own `parking_lot` read/write lock (CPython's per-object
//! critical sections), so single operations on a list or dict are atomic while
//! threads run in parallel. Two rules keep this deadlock-free, and keep it sound
//! under shuttle and loom, which never see these locks:
//! * the closures passed to [`Heap::read`] and [`Heap::write`] never call into the
//!   [`Platform`](crate::platform::Platform) and never block;
//! * while holding one slot's lock, code may only *read* immutable objects
//!   (str, tuple). Immutable objects are write-locked only during a
//!   stop-the-world sweep, when nothing else runs.
//!
//! Slots live in segments created on demand (each twice the last), so the slot table grows
//! without ever moving a slot that another thread is reading. What the heap may hold is bounded
//! in bytes, not objects: every allocation and every growth of a list or dict is charged against
//! the limit first, so a runaway program gets a MemoryError instead of exhausting the machine.

pub mod dict;
mod gc;
pub mod object;

pub use gc::CollectStats;
pub use object::{Iter, LockObject, Object, StrObject, ThreadObject, ViewKind};

use crate::step::{self, Access, Resource};
use parking_lot::{Mutex, RwLock};
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};
use std::sync::OnceLock;

/// A reference to a heap object: its slot and the generation it was allocated in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Handle {
    // Generation first, so handles order by allocation.
    generation: u32,
    slot: u32,
}

impl Handle {
    /// The object's number: its position in allocation order, starting at 1.
    pub fn number(self) -> u32 {
        self.generation
    }
}

/// An access through a handle that does not name a live object.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum HeapError {
    #[error("use after free: object #{number} was reclaimed")]
    UseAfterFree { number: u32 },
    #[error("out of memory: the heap limit is {0} bytes (--max-heap)")]
    Full(usize),
}

/// Slots live in segments allocated on demand: segment `k` holds `FIRST_SEGMENT << k` slots, so
/// the table doubles as it fills and never moves a slot another thread is reading.
const FIRST_SEGMENT_BITS: u32 = 10;
const FIRST_SEGMENT: usize = 1 << FIRST_SEGMENT_BITS;
/// Enough segments for every `u32` slot index.
const SEGMENTS: usize = 33 - FIRST_SEGMENT_BITS as usize;

/// The segment holding slot `index` and the slot's offset in it.
#[inline]
fn segment_of(index: u32) -> (usize, usize) {
    let i = index as u64 + FIRST_SEGMENT as u64;
    let k = (63 - i.leading_zeros() - FIRST_SEGMENT_BITS) as usize;
    (k, (i - ((FIRST_SEGMENT as u64) << k)) as usize)
}

#[derive(Debug, Default)]
struct Cell {
    generation: u32,
    marked: bool,
    object: Option<Object>,
}

#[derive(Debug, Default)]
struct Slot {
    cell: RwLock<Cell>,
}

/// What one object costs: its slot plus what it owns on the Rust heap (an estimate that the
/// collector and the growth sites agree on).
pub(crate) fn footprint(object: &Object) -> usize {
    const VALUE: usize = std::mem::size_of::<crate::value::Value>();
    std::mem::size_of::<Slot>()
        + match object {
            Object::Str(s) => s.text.len(),
            Object::List(items) => items.len() * VALUE,
            Object::Tuple(items) => items.len() * VALUE,
            Object::Dict(d) => d.len() * dict::ENTRY_BYTES,
            Object::Iter(Iter::Snapshot { items, .. }) => items.len() * VALUE,
            _ => 0,
        }
}

struct AllocState {
    free: Vec<u32>,
    next_slot: u32,
    next_generation: u32,
}

/// The object store shared by all VM threads.
pub struct Heap {
    segments: [OnceLock<Box<[Slot]>>; SEGMENTS],
    alloc: Mutex<AllocState>,
    live: AtomicUsize,
    allocated_since_collect: AtomicUsize,
    /// Allocations since the last collection at which collecting is due.
    collect_at: AtomicUsize,
    /// Most bytes the heap may hold (its objects' [`footprint`]s); past it, MemoryError.
    max_bytes: usize,
    /// Bytes in use: exact after a collection, then every allocation and growth is added (shrinking
    /// is only counted by the next collection).
    bytes: AtomicUsize,
    /// `bytes` just after the last collection.
    bytes_after_collect: AtomicUsize,
}

impl Heap {
    /// A heap that holds up to `max_bytes` of objects, growing on demand.
    pub fn new(max_bytes: usize) -> Heap {
        Heap {
            segments: std::array::from_fn(|_| OnceLock::new()),
            alloc: Mutex::new(AllocState { free: Vec::new(), next_slot: 0, next_generation: 1 }),
            live: AtomicUsize::new(0),
            allocated_since_collect: AtomicUsize::new(0),
            collect_at: AtomicUsize::new(usize::MAX),
            max_bytes,
            bytes: AtomicUsize::new(0),
            bytes_after_collect: AtomicUsize::new(0),
        }
    }

    #[inline]
    fn slot(&self, index: u32) -> &Slot {
        let (k, offset) = segment_of(index);
        let segment = self.segments[k].get_or_init(|| (0..FIRST_SEGMENT << k).map(|_| Slot::default()).collect());
        &segment[offset]
    }

    /// Accounts for `bytes` more heap memory, or fails with [`HeapError::Full`] if that would pass
    /// the limit. Called before an object grows (and by [`Heap::alloc`]).
    /// Returns whether the heap is now under pressure (see [`Heap::under_pressure`]).
    pub fn charge(&self, bytes: usize) -> Result<bool, HeapError> {
        let mut used = self.bytes.load(Relaxed);
        loop {
            let after = used.checked_add(bytes).filter(|&after| after <= self.max_bytes);
            let Some(after) = after else {
                step::record(Resource::Allocator, Access::Write);
                return Err(HeapError::Full(self.max_bytes));
            };
            match self.bytes.compare_exchange_weak(used, after, Relaxed, Relaxed) {
                Ok(_) => {
                    // Charges commute unless one of them tips the heap into pressure (which decides
                    // who collects) or over its limit.
                    let pressure = self.under_pressure();
                    step::record(Resource::Allocator, if pressure { Access::Write } else { Access::Commute });
                    return Ok(pressure);
                }
                Err(now) => used = now,
            }
        }
    }

    /// Whether allocation and growth since the last collection used half the room that was left:
    /// time to collect, before a MemoryError that garbage could have avoided.
    pub fn under_pressure(&self) -> bool {
        let base = self.bytes_after_collect.load(Relaxed);
        self.bytes.load(Relaxed) > base + (self.max_bytes.saturating_sub(base)) / 2
    }

    /// Bytes that may still be charged before the limit.
    pub fn room(&self) -> usize {
        self.max_bytes.saturating_sub(self.bytes.load(Relaxed))
    }

    /// Bytes in use, as accounted (see [`Heap::charge`]).
    pub fn bytes(&self) -> usize {
        self.bytes.load(Relaxed)
    }

    /// Stores `object` in a free slot and returns its handle.
    pub fn alloc(&self, object: Object) -> Result<Handle, HeapError> {
        self.alloc_counted(object).map(|(handle, _)| handle)
    }

    /// Stores `object` in a free slot and returns its handle, and whether allocation pressure has
    /// reached the collection threshold (see [`Heap::set_collect_threshold`]) or the heap is under
    /// pressure.
    ///
    /// Two allocations commute (they only swap object numbers) unless one of them reaches the
    /// threshold, which decides which thread collects: only then is the step a write of the
    /// allocator, for the explorer's partial-order reduction.
    pub fn alloc_counted(&self, object: Object) -> Result<(Handle, bool), HeapError> {
        let pressure = self.charge(footprint(&object))?;
        let (slot, generation) = {
            let mut state = self.alloc.lock();
            let slot = match state.free.pop() {
                Some(slot) => slot,
                None => {
                    if state.next_slot == u32::MAX {
                        return Err(HeapError::Full(self.max_bytes));
                    }
                    state.next_slot += 1;
                    state.next_slot - 1
                }
            };
            let generation = state.next_generation;
            state.next_generation = state.next_generation.wrapping_add(1).max(1);
            (slot, generation)
        };
        let mut cell = self.slot(slot).cell.write();
        cell.generation = generation;
        cell.marked = false;
        cell.object = Some(object);
        drop(cell);
        self.live.fetch_add(1, Relaxed);
        let before = self.allocated_since_collect.fetch_add(1, Relaxed);
        let due = pressure || before + 1 >= self.collect_at.load(Relaxed);
        step::record(Resource::Allocator, if due { Access::Write } else { Access::Commute });
        Ok((Handle { slot, generation }, due))
    }

    /// Collecting is due once this many objects were allocated since the last collection.
    pub fn set_collect_threshold(&self, allocations: usize) {
        self.collect_at.store(allocations, Relaxed);
    }

    /// Runs `f` on what never changes about the object `handle` names (its type, a thread's number),
    /// under the slot's read lock. Not a read of its state, so not part of a step's footprint.
    #[inline]
    pub fn read_fixed<R>(&self, handle: Handle, f: impl FnOnce(&Object) -> R) -> Result<R, HeapError> {
        step::unrecorded(|| self.read(handle, f))
    }

    /// Runs `f` on the object `handle` names, under the slot's read lock.
    #[inline]
    pub fn read<R>(&self, handle: Handle, f: impl FnOnce(&Object) -> R) -> Result<R, HeapError> {
        let cell = self.slot(handle.slot).cell.read();
        match &cell.object {
            Some(object) if cell.generation == handle.generation => {
                // Immutable objects are written only when allocated (and freed only by a collection,
                // which touches everything): reading one conflicts with no other step.
                if step::active() && object.is_mutable() {
                    step::record(Resource::Object(handle.generation), Access::Read);
                }
                Ok(f(object))
            }
            _ => Err(HeapError::UseAfterFree { number: handle.generation }),
        }
    }

    /// Runs `f` on the object `handle` names, under the slot's write lock.
    #[inline]
    pub fn write<R>(&self, handle: Handle, f: impl FnOnce(&mut Object) -> R) -> Result<R, HeapError> {
        step::record(Resource::Object(handle.generation), Access::Write);
        let mut cell = self.slot(handle.slot).cell.write();
        let generation = cell.generation;
        match &mut cell.object {
            Some(object) if generation == handle.generation => Ok(f(object)),
            _ => Err(HeapError::UseAfterFree { number: handle.generation }),
        }
    }

    /// The number of objects currently allocated.
    pub fn live(&self) -> usize {
        self.live.load(Relaxed)
    }

    /// Objects allocated since the last collection (the allocation-pressure signal).
    pub fn allocated_since_collect(&self) -> usize {
        step::record(Resource::Allocator, Access::Read);
        self.allocated_since_collect.load(Relaxed)
    }

    /// The handles of every live object, in slot order.
    pub fn live_handles(&self) -> Vec<Handle> {
        let high = self.alloc.lock().next_slot;
        (0..high)
            .filter_map(|slot| {
                let cell = self.slot(slot).cell.read();
                cell.object.as_ref().map(|_| Handle { slot, generation: cell.generation })
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stale_handle_is_detected_after_reuse() {
        let heap = Heap::new(1 << 20);
        let a = heap.alloc(Object::List(vec![])).unwrap();
        let stats = heap.collect(std::iter::empty());
        assert_eq!(stats.freed, 1);
        let b = heap.alloc(Object::List(vec![])).unwrap();
        assert_eq!(a.slot, b.slot, "the freed slot is reused");
        assert_eq!(heap.read(a, |_| ()), Err(HeapError::UseAfterFree { number: 1 }));
        assert!(heap.read(b, |_| ()).is_ok());
        assert_eq!(b.number(), 2);
    }

    #[test]
    fn full_heap_is_an_error_not_a_panic() {
        let one = footprint(&Object::List(vec![]));
        let heap = Heap::new(10 * one);
        for _ in 0..10 {
            heap.alloc(Object::List(vec![])).unwrap();
        }
        assert!(matches!(heap.alloc(Object::List(vec![])), Err(HeapError::Full(_))));
        assert!(heap.charge(1).is_err());
        // A collection gives the room back.
        heap.collect(std::iter::empty());
        assert_eq!(heap.bytes(), 0);
        heap.alloc(Object::List(vec![])).unwrap();
    }

    #[test]
    fn the_slot_table_grows_in_doubling_segments() {
        assert_eq!(segment_of(0), (0, 0));
        assert_eq!(segment_of(1023), (0, 1023));
        assert_eq!(segment_of(1024), (1, 0));
        assert_eq!(segment_of(3071), (1, 2047));
        assert_eq!(segment_of(3072), (2, 0));
        assert_eq!(segment_of(u32::MAX).0, SEGMENTS - 1);
        let heap = Heap::new(usize::MAX);
        let handles: Vec<Handle> =
            (0..5000).map(|i| heap.alloc(Object::Range { start: i, stop: 0, step: 1 }).unwrap()).collect();
        for (i, h) in handles.iter().enumerate() {
            assert_eq!(heap.read(*h, |o| matches!(o, Object::Range { start, .. } if *start == i as i64)), Ok(true));
        }
    }
}
