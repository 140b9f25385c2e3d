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
pub mod random;
pub mod set;

pub use gc::{block_state, sweep_claims, CollectStats};
pub use object::{
    BoundMethodObject, ClassObject, ExceptionObject, FunctionObject, GenState, GeneratorObject, InstanceObject, Iter,
    Kind, LocalObject, LockObject, Object, StrObject, SuperObject, ThreadObject, ViewKind, WrapperKind, WrapperObject,
};

use crate::bias::{self, Readers};
use crate::padded::Padded;
use crate::seqlock::Std;
use crate::step::{self, Access, Resource};
use crate::value::Value;
use parking_lot::{Mutex, RwLock};
use std::sync::atomic::{AtomicU32, AtomicU64, AtomicUsize, Ordering::Acquire, Ordering::Relaxed, Ordering::Release};
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

    /// The handle as one word (generation high, slot low), for storage in atomics.
    #[inline]
    pub const fn to_bits(self) -> u64 {
        (self.generation as u64) << 32 | self.slot as u64
    }

    /// The handle [`Handle::to_bits`] encoded.
    #[inline]
    pub const fn from_bits(bits: u64) -> Handle {
        Handle { generation: (bits >> 32) as u32, slot: bits as u32 }
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
/// Slots a lazy sweep frees at a time (see [`Heap::sweep_block`]); segments hold whole blocks.
const SWEEP_BLOCK: u32 = 256;
const _: () = assert!(FIRST_SEGMENT.is_multiple_of(SWEEP_BLOCK as usize));

/// The segment holding slot `index` and the slot's offset in it.
#[inline]
fn segment_of(index: u32) -> (usize, usize) {
    let i = index as u64 + FIRST_SEGMENT as u64;
    let k = (63 - i.leading_zeros() - FIRST_SEGMENT_BITS) as usize;
    (k, (i - ((FIRST_SEGMENT as u64) << k)) as usize)
}

/// What a slot's lock guards: its object, if it holds one. (Its generation is the tag's.)
#[derive(Debug, Default)]
struct Cell {
    object: Option<Object>,
}

#[derive(Debug, Default)]
struct Slot {
    cell: RwLock<Cell>,
    /// The live object's generation and [`Kind`] (`generation << 8 | kind`), the reader number of
    /// the thread that allocated it, and its read bias with the count of its revocations (see
    /// [`crate::bias`]), or 0 when the slot is empty: written under the cell's write lock whenever
    /// `object` is set or cleared, and read without any lock by [`Heap::kind`], so type checks
    /// write no shared memory. The generation in it is the one locked reads check.
    tag: AtomicU64,
    /// The collection epoch that last marked the object, or the one it was allocated in: an object
    /// whose mark is not the heap's current epoch is garbage (see [`Heap::collect_with`]). Outside
    /// the lock, so that the lazy sweep reads it without taking one.
    mark: AtomicU32,
}

/// Whether the lazy sweep frees a slot whose tag is `tag` (loaded with acquire ordering) and whose
/// mark, loaded after it, is `mark`, in collection epoch `epoch`: it holds an object (tag not 0)
/// that the last collection did not mark and that was not allocated since. An allocation stores
/// the mark before the tag, the tag with release ordering, so a sweep that sees a new object's tag
/// sees its current mark and leaves it alone.
#[inline]
pub fn garbage_in(tag: u64, mark: u32, epoch: u32) -> bool {
    tag != 0 && mark != epoch
}

/// The generation in a slot's tag (0 for an empty slot: generations start at 1).
#[inline]
fn tag_generation(tag: u64) -> u32 {
    (tag >> 8) as u32
}

impl Slot {
    /// Publishes the object of kind `kind` the cell now holds in the tag, as generation `generation`
    /// allocated by reader `owner` (or none). Called with the cell's write lock held, or by the
    /// thread that owns the empty slot (see [`Heap::alloc_local`]).
    #[inline]
    fn set_tag(&self, kind: Kind, generation: u32, owner: Option<u16>) {
        let owner = owner.map_or(bias::NO_OWNER, u64::from);
        self.tag.store(owner << bias::OWNER_SHIFT | (generation as u64) << 8 | kind as u64, Release);
    }

    /// Publishes that the slot is empty. Called with the cell's write lock held, or by the thread
    /// that frees garbage in it (see [`Heap::sweep_block`]).
    #[inline]
    fn clear_tag(&self) {
        self.tag.store(0, Release);
    }

    /// The generation of the object the slot holds, read under its lock (or by the thread that
    /// owns it), where the tag's generation cannot change.
    #[inline]
    fn generation(&self) -> u32 {
        tag_generation(self.tag.load(Relaxed))
    }
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
            Object::Instance(i) => i.dict.len() * dict::ENTRY_BYTES,
            Object::Class(c) => c.dict.len() * dict::ENTRY_BYTES,
            Object::Exception(e) => e.args.len() * VALUE + e.dict.len() * dict::ENTRY_BYTES,
            Object::Iter(it) => match &**it {
                Iter::Snapshot { items, .. } => items.len() * VALUE,
                _ => 0,
            },
            _ => 0,
        }
}

struct AllocState {
    free: Vec<u32>,
    next_slot: u32,
    next_generation: u32,
}

/// How many bytes a thread charges to the shared account at once (see [`LocalHeap`]).
const CREDIT_CHUNK: usize = 64 << 10;

/// One thread's share of the allocator: free slots, object numbers and bytes it took from the
/// shared [`Heap`] in batches, so that most allocations write no memory another thread reads.
///
/// With a batch of 1 (see [`Heap::new`]) nothing is cached and every allocation takes the next
/// object number from the shared counter: the numbering the checker's traces rely on (`#1, #2, ...`
/// in allocation order, so a schedule's trace is the same on every run). With a larger batch,
/// numbers stay unique but are handed out in blocks per thread, so they follow allocation order
/// only within a thread.
///
/// A collection (which runs with the world stopped) recounts the heap exactly and starts a new
/// *epoch*; a thread's unused byte credit and its not-yet-reported allocation count belong to the
/// epoch they were taken in and are dropped when it ends. Its cached slots stay its own: the
/// collector never hands out an empty slot, only the ones it frees.
#[derive(Debug, Default)]
pub struct LocalHeap {
    /// Free slots reserved for this thread, taken from the end.
    slots: Vec<u32>,
    /// Object numbers reserved for this thread: the next one and the end of the block.
    next_number: u32,
    numbers_end: u32,
    /// Bytes already charged to the heap's account that this thread has not used yet.
    credit: usize,
    /// Allocations not yet added to the heap's counters.
    pending: usize,
    /// The collection epoch `credit` and `pending` belong to.
    epoch: u64,
    /// Item buffers of small lists and tuples this thread's sweeps freed, for its next ones.
    spare: Spare,
    /// The thread's reader number (see [`Heap::read_leaf`]), recorded as its objects' owner.
    owner: Option<u16>,
    /// Where this thread's lazy sweep is (see [`Heap::sweep_block`]).
    sweep: SweepCursor,
}

/// One thread's progress through the blocks a lazy collection left to sweep: first the blocks it
/// swept last time (their slots were its own, so their memory is in its cache), then any left.
#[derive(Debug, Default)]
struct SweepCursor {
    /// The collection epoch the cursor belongs to; another one starts over.
    epoch: u32,
    /// The next block to look at.
    next: u32,
    /// Whether the thread is through its own blocks and takes any that are left.
    any: bool,
}

/// Tuples up to this many items, and lists up to this capacity, leave their item buffers to be
/// reused (see [`Spare`]).
const SPARE_ITEMS: usize = 8;
/// How many buffers of each size a thread keeps.
const SPARE_PER_SIZE: usize = 128;

/// The item buffers of small tuples and lists that died, kept by the thread whose lazy sweep
/// freed them, as CPython keeps free lists of small tuples: a program that builds short-lived
/// tuples and lists reuses their buffers instead of a trip through the allocator for each. Nothing
/// in a spare buffer is read again: a tuple's is overwritten whole, a list's is cleared.
#[derive(Debug, Default)]
struct Spare {
    /// Tuple buffers by length (index 0: one item).
    tuples: [Vec<Box<[Value]>>; SPARE_ITEMS],
    lists: Vec<Vec<Value>>,
}

impl LocalHeap {
    /// The cache of the thread with reader number `owner` (see [`Heap::read_leaf`]), if it has one.
    pub fn for_reader(owner: Option<u16>) -> LocalHeap {
        LocalHeap { owner, ..LocalHeap::default() }
    }

    /// A tuple's item buffer holding `items`, reusing a spare one of that length if there is one.
    pub fn tuple_items(&mut self, items: &[Value]) -> Box<[Value]> {
        let spare = items.len().checked_sub(1).and_then(|i| self.spare.tuples.get_mut(i)).and_then(Vec::pop);
        match spare {
            Some(mut buffer) => {
                buffer.copy_from_slice(items);
                buffer
            }
            None => items.into(),
        }
    }

    /// A list's item buffer holding `items`, reusing a spare one if there is one.
    pub fn list_items(&mut self, items: &[Value]) -> Vec<Value> {
        match self.spare.lists.pop() {
            Some(mut buffer) => {
                buffer.extend_from_slice(items);
                buffer
            }
            None => items.to_vec(),
        }
    }

    /// Keeps a dead object's item buffer if it is a small tuple's or list's and there is room;
    /// otherwise drops the object.
    fn recycle(&mut self, object: Object) {
        match object {
            Object::Tuple(items) if (1..=SPARE_ITEMS).contains(&items.len()) => {
                let spare = &mut self.spare.tuples[items.len() - 1];
                if spare.len() < SPARE_PER_SIZE {
                    spare.push(items);
                }
            }
            Object::List(mut items)
                if (1..=SPARE_ITEMS).contains(&items.capacity()) && self.spare.lists.len() < SPARE_PER_SIZE =>
            {
                items.clear();
                self.spare.lists.push(items);
            }
            _ => {}
        }
    }
}

/// The object store shared by all VM threads.
pub struct Heap {
    segments: [OnceLock<Box<[Slot]>>; SEGMENTS],
    alloc: Padded<Mutex<AllocState>>,
    /// Slots and object numbers a thread takes at once; 1 takes them one by one (see [`LocalHeap`]).
    batch: u32,
    /// Collections so far (see [`LocalHeap`]).
    epoch: std::sync::atomic::AtomicU64,
    /// After a lazy collection, the end of the slots it left to sweep (see [`Heap::sweep_block`]).
    sweep_end: std::sync::atomic::AtomicU32,
    /// Per block of [`SWEEP_BLOCK`] slots, in segments as the slots are: the epoch the block was
    /// last swept in and the thread that swept it (see [`Heap::sweep_block`]).
    blocks: [OnceLock<Box<[AtomicU64]>>; SEGMENTS],
    live: Padded<AtomicUsize>,
    allocated_since_collect: Padded<AtomicUsize>,
    /// Allocations since the last collection at which collecting is due.
    collect_at: AtomicUsize,
    /// Most bytes the heap may hold (its objects' [`footprint`]s); past it, MemoryError.
    max_bytes: usize,
    /// Bytes in use: exact after a collection, then every allocation and growth is added (shrinking
    /// is only counted by the next collection).
    bytes: Padded<AtomicUsize>,
    /// Bytes past which the heap is under pressure and a collection is due (see [`pressure_point`]).
    pressure_at: AtomicUsize,
    /// The reader table of biased reads ([`Heap::read_leaf`]); empty when they are off.
    readers: Readers<Std>,
    /// Whether the fast paths that rely on the collector's contract skip slot locks (see
    /// [`Heap::enable_lock_free_fast_paths`]).
    lock_free: bool,
}

/// Whether a slot whose tag is `tag`, loaded with acquire ordering, holds the live immutable object
/// (str, tuple, range, dict view) of generation `generation`: one [`Heap::read`] may read without
/// the slot's lock. The tag is stored with release ordering after the object is written, when it
/// is allocated, so the acquire load that sees it also sees the object.
#[inline]
pub fn immutable_in_tag(tag: u64, generation: u32) -> bool {
    tag_generation(tag) == generation && Kind::from_u8(tag as u8).is_some_and(|kind| !kind.is_mutable())
}

/// The least growth, in bytes, that makes a collection due by size (see [`pressure_point`]).
pub const MIN_GROWTH: usize = 8 << 20;

/// The heap size in bytes past which a collection is due, after a collection that left `live`
/// bytes and freed `freed` bytes, under a limit of `max` bytes. Collections are paced by the live
/// heap, as Go's `GOGC=100` paces them: the next one is due when the heap has doubled (and grown by
/// at least [`MIN_GROWTH`]), so the cost of marking stays linear in what is allocated, or when half
/// the room left under the limit is used, so that garbage is collected before a MemoryError it
/// could have avoided. (By count, a collection is also due after as many allocations as there are
/// live objects: see [`Heap::set_collect_threshold`].)
///
/// Near the limit, a collection that freed almost nothing is *futile*: less than an eighth of the
/// limit is left and it freed less than a sixteenth. Then no collection is due by size any more
/// (only by count): the program is out of memory, and the allocation that passes the limit raises
/// MemoryError at once, as the JVM's "GC overhead limit exceeded" does, instead of collecting
/// again at every allocation for ever less room (a program filling a dict without end took a
/// minute to fail under a 512 MiB limit; now it takes a few seconds).
pub fn pressure_point(max: usize, live: usize, freed: usize) -> usize {
    let room = max.saturating_sub(live);
    if room < max / 8 && freed < max / 16 {
        return usize::MAX;
    }
    let grown = live.saturating_mul(2).max(live.saturating_add(MIN_GROWTH));
    grown.min(live + room / 2)
}

impl Heap {
    /// A heap that holds up to `max_bytes` of objects, growing on demand, handing out slots and
    /// object numbers to threads in batches of `batch` (1: one by one, in allocation order).
    pub fn new(max_bytes: usize, batch: u32) -> Heap {
        Heap {
            segments: std::array::from_fn(|_| OnceLock::new()),
            alloc: Padded(Mutex::new(AllocState { free: Vec::new(), next_slot: 0, next_generation: 1 })),
            batch: batch.max(1),
            epoch: std::sync::atomic::AtomicU64::new(0),
            sweep_end: std::sync::atomic::AtomicU32::new(0),
            blocks: std::array::from_fn(|_| OnceLock::new()),
            live: Padded(AtomicUsize::new(0)),
            allocated_since_collect: Padded(AtomicUsize::new(0)),
            collect_at: AtomicUsize::new(usize::MAX),
            max_bytes,
            bytes: Padded(AtomicUsize::new(0)),
            pressure_at: AtomicUsize::new(pressure_point(max_bytes, 0, 0)),
            readers: Readers::new(0),
            lock_free: false,
        }
    }

    /// Turns on the fast paths that take no slot lock: reads of immutable objects ([`Heap::read`]),
    /// allocation into a thread's own empty slot ([`Heap::alloc_local`]) and the lazy sweep's
    /// freeing of garbage ([`Heap::sweep_block`]). Only for a VM that keeps the collector's
    /// contract, as every VM does without a seeded bug: the collector frees only garbage, and no
    /// thread holds a handle to garbage or to an empty slot. (With a bug that breaks it, a locked
    /// access through a stale handle detects the use after free; these paths would race instead.)
    pub fn enable_lock_free_fast_paths(&mut self) {
        self.lock_free = true;
    }

    /// The cell of slot `slot` if it holds `handle`'s object and that object is immutable, for a
    /// read without the slot's lock (when those are on).
    #[inline]
    fn immutable_cell(&self, slot: &Slot, handle: Handle) -> Option<&Cell> {
        if !self.lock_free || !immutable_in_tag(slot.tag.load(Acquire), handle.generation) {
            return None;
        }
        // SAFETY: the tag names this generation's immutable object, and its acquire load saw the
        // release store that followed the object's allocation, so every write of the cell before
        // now is visible. Until the object dies the cell is only read: no operation writes an
        // immutable object ([`Heap::write`] gives its closure a copy), the lazy sweep leaves a
        // live object's cell untouched, and the collector's marks are kept outside the cell (in
        // the slot's `mark`). The object dies only as garbage that no thread
        // holds a handle to (the collector's contract, kept while these reads are on, see
        // [`Heap::enable_lock_free_fast_paths`]); holding `handle`, this thread keeps it alive
        // until this read, which reaches no safepoint, ends.
        Some(unsafe { &*slot.cell.data_ptr() })
    }

    /// Turns on biased reads ([`Heap::read_leaf`]) for readers `0..readers`. Only for real threads:
    /// a reader number names one thread for as long as it reads.
    pub fn enable_biased_reads(&mut self, readers: usize) {
        self.readers = Readers::new(readers.min(bias::NO_OWNER as usize));
    }

    /// Registers reader `reader` (a thread about to run) for biased reads.
    pub fn register_reader(&self, reader: usize) {
        self.readers.register(reader);
    }

    /// The slot `index`'s write lock, taken for a change of its object: any biased reads of the
    /// slot are revoked and waited for first (see [`crate::bias`]).
    #[inline]
    fn lock_for_write(&self, index: u32) -> (&Slot, parking_lot::RwLockWriteGuard<'_, Cell>) {
        let target = self.slot(index);
        let cell = target.cell.write();
        self.readers.revoke(&target.tag, index);
        (target, cell)
    }

    /// The sweep state of block `block` (slots `block * SWEEP_BLOCK ..`): a segment holds whole
    /// blocks, since segments start at multiples of [`FIRST_SEGMENT`].
    fn block(&self, block: u32) -> &AtomicU64 {
        let (k, offset) = segment_of(block * SWEEP_BLOCK);
        let blocks = (FIRST_SEGMENT << k) / SWEEP_BLOCK as usize;
        let segment = self.blocks[k].get_or_init(|| (0..blocks).map(|_| AtomicU64::new(0)).collect());
        &segment[offset / SWEEP_BLOCK as usize]
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

    /// Whether the heap grew past the point where a collection is due (see [`pressure_point`]).
    pub fn under_pressure(&self) -> bool {
        self.bytes.load(Relaxed) > self.pressure_at.load(Relaxed)
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
        let (target, mut cell) = self.lock_for_write(slot);
        target.mark.store(self.epoch.load(Relaxed) as u32, Relaxed);
        let kind = object.kind();
        cell.object = Some(object);
        target.set_tag(kind, generation, None);
        drop(cell);
        self.live.fetch_add(1, Relaxed);
        let before = self.allocated_since_collect.fetch_add(1, Relaxed);
        let due = pressure || before + 1 >= self.collect_at.load(Relaxed);
        step::record(Resource::Allocator, if due { Access::Write } else { Access::Commute });
        Ok((Handle { slot, generation }, due))
    }

    /// [`Heap::alloc_counted`] for a thread with its own [`LocalHeap`]: takes the slot, the
    /// object number and the bytes from the thread's batch, refilling it from the shared state
    /// when it runs out. Returns the handle and whether collecting is due (checked at refills).
    #[inline]
    pub fn alloc_local(&self, local: &mut LocalHeap, object: Object) -> Result<(Handle, bool), HeapError> {
        if self.batch == 1 {
            return self.alloc_counted(object);
        }
        let mut due = self.charge_local(local, footprint(&object))?;
        if local.slots.is_empty() || local.next_number == local.numbers_end {
            due |= self.refill(local)?;
        }
        // `refill` fails rather than leave the cache empty.
        let Some(slot) = local.slots.pop() else { return Err(HeapError::Full(self.max_bytes)) };
        let generation = local.next_number;
        local.next_number += 1;
        local.pending += 1;
        let epoch = self.epoch.load(Relaxed) as u32;
        let kind = object.kind();
        if self.lock_free {
            let target = self.slot(slot);
            // SAFETY: the slot is empty and in this thread's cache: its tag is 0, so no access
            // through a handle reaches its cell (with the collector's contract kept, no handle
            // names an empty slot; see [`Heap::enable_lock_free_fast_paths`]), and the lazy sweep,
            // the only other code that looks at slots it holds no handle to, skips a slot whose tag
            // is 0 or whose mark is the current epoch without touching its cell. Both are stored
            // after the cell is written, the tag with release ordering, so whoever sees the new tag
            // sees the object.
            let cell = unsafe { &mut *target.cell.data_ptr() };
            target.mark.store(epoch, Relaxed);
            cell.object = Some(object);
            target.set_tag(kind, generation, local.owner);
            return Ok((Handle { slot, generation }, due));
        }
        let (target, mut cell) = self.lock_for_write(slot);
        target.mark.store(epoch, Relaxed);
        cell.object = Some(object);
        target.set_tag(kind, generation, local.owner);
        drop(cell);
        Ok((Handle { slot, generation }, due))
    }

    /// [`Heap::charge`] for a thread with its own [`LocalHeap`]: spends the thread's credit,
    /// charging the shared account a chunk at a time. Returns whether the heap is under pressure
    /// (checked when a chunk is charged).
    #[inline]
    pub fn charge_local(&self, local: &mut LocalHeap, bytes: usize) -> Result<bool, HeapError> {
        if self.batch == 1 {
            return self.charge(bytes);
        }
        let epoch = self.epoch.load(Relaxed);
        if local.epoch != epoch {
            // A collection recounted everything: what this thread held of the old count is void.
            local.epoch = epoch;
            local.credit = 0;
            local.pending = 0;
        }
        if let Some(left) = local.credit.checked_sub(bytes) {
            local.credit = left;
            return Ok(false);
        }
        // Charge a chunk, or just what is needed when a chunk would pass the limit.
        let chunk = bytes.max(CREDIT_CHUNK);
        let pressure = match self.charge(chunk) {
            Ok(pressure) => {
                local.credit += chunk - bytes;
                pressure
            }
            Err(_) => {
                let pressure = self.charge(bytes - local.credit)?;
                local.credit = 0;
                pressure
            }
        };
        Ok(pressure)
    }

    /// Reports the thread's pending allocations to the shared counters and reserves its next batch
    /// of slots and object numbers. Returns whether collecting is due.
    fn refill(&self, local: &mut LocalHeap) -> Result<bool, HeapError> {
        let pending = std::mem::take(&mut local.pending);
        self.live.fetch_add(pending, Relaxed);
        let before = self.allocated_since_collect.fetch_add(pending, Relaxed);
        let due = before + pending >= self.collect_at.load(Relaxed);
        // After a lazy collection, free slots come from sweeping the garbage, a block at a time.
        while local.slots.len() < self.batch as usize && self.sweep_block(local) {}
        let mut state = self.alloc.lock();
        while local.slots.len() < self.batch as usize {
            match state.free.pop() {
                Some(slot) => local.slots.push(slot),
                None => {
                    let room = u32::MAX - state.next_slot;
                    let take = (self.batch as usize - local.slots.len()).min(room as usize) as u32;
                    if take == 0 {
                        break;
                    }
                    // Highest first, so the thread uses its block in ascending order.
                    let fresh = state.next_slot..state.next_slot + take;
                    self.give_fresh(local, fresh.clone());
                    local.slots.extend(fresh.rev());
                    state.next_slot += take;
                }
            }
        }
        if local.slots.is_empty() {
            return Err(HeapError::Full(self.max_bytes));
        }
        if local.next_number == local.numbers_end {
            let start = state.next_generation;
            let end = start.saturating_add(self.batch);
            state.next_generation = if end == u32::MAX { 1 } else { end };
            (local.next_number, local.numbers_end) = (start, end);
        }
        Ok(due)
    }

    /// Gives a thread's cached slots back when the thread ends.
    pub fn release_local(&self, local: &mut LocalHeap) {
        let pending = std::mem::take(&mut local.pending);
        if local.epoch == self.epoch.load(Relaxed) {
            self.live.fetch_add(pending, Relaxed);
            self.allocated_since_collect.fetch_add(pending, Relaxed);
        }
        if !local.slots.is_empty() {
            let mut state = self.alloc.lock();
            state.free.append(&mut local.slots);
            state.free.sort_unstable_by(|a, b| b.cmp(a));
        }
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

    /// The kind of the object `handle` names, read without taking its lock: a kind never changes
    /// while its object lives, and the slot's tag names the generation it describes. Like
    /// [`Heap::read_fixed`], not a read of the object's state.
    #[inline]
    pub fn kind(&self, handle: Handle) -> Result<Kind, HeapError> {
        let tag = self.slot(handle.slot).tag.load(Acquire);
        match Kind::from_u8(tag as u8) {
            Some(kind) if tag_generation(tag) == handle.generation => Ok(kind),
            _ => self.kind_locked(handle),
        }
    }

    /// [`Heap::kind`] of a handle whose slot's tag does not name it: freed (or reused), which the
    /// locked read reports. Out of line, so that the lock-free check inlines where it is used.
    #[cold]
    #[inline(never)]
    fn kind_locked(&self, handle: Handle) -> Result<Kind, HeapError> {
        self.read_fixed(handle, Object::kind)
    }

    /// Runs `f` on the object `handle` names, under the slot's read lock.
    /// An immutable object is read without the lock, when those reads are on (see
    /// [`Heap::enable_lock_free_fast_paths`]): strs and tuples are most of what a program
    /// reads, and a lock taken and released is two atomic read-modify-writes.
    #[inline]
    pub fn read<R>(&self, handle: Handle, f: impl FnOnce(&Object) -> R) -> Result<R, HeapError> {
        let slot = self.slot(handle.slot);
        if let Some(cell) = self.immutable_cell(slot, handle) {
            return Self::read_cell(cell, handle.generation, handle, f);
        }
        let cell = slot.cell.read();
        Self::read_cell(&cell, slot.generation(), handle, f)
    }

    /// Runs `f` on the object in `cell`, of generation `generation`, if it is the one `handle`
    /// names (the cell is read under its lock, a biased read or, immutable, without a lock).
    #[inline]
    fn read_cell<R>(
        cell: &Cell,
        generation: u32,
        handle: Handle,
        f: impl FnOnce(&Object) -> R,
    ) -> Result<R, HeapError> {
        match &cell.object {
            Some(object) if generation == handle.generation => {
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

    /// [`Heap::read`] for reader `reader` (a thread's number, see [`Heap::enable_biased_reads`])
    /// when `f` takes no other lock of the heap: an object that other threads made and that is
    /// read more than written is read without writing its lock word, so threads that share it do
    /// not move that cache line between their cores (see [`crate::bias`]).
    #[inline]
    pub fn read_leaf<R>(&self, handle: Handle, reader: usize, f: impl FnOnce(&Object) -> R) -> Result<R, HeapError> {
        if self.readers.is_empty() {
            return self.read(handle, f);
        }
        let slot = self.slot(handle.slot);
        if let Some(cell) = self.immutable_cell(slot, handle) {
            return Self::read_cell(cell, handle.generation, handle, f);
        }
        let tag = slot.tag.load(Acquire);
        if tag & bias::BIAS != 0
            && (tag >> 8) as u32 == handle.generation
            && self.readers.enter(reader, &slot.tag, tag, handle.slot)
        {
            // SAFETY: `enter` published this read (this thread registered as a reader when it
            // started) and then saw the bias still set. A writer clears the bias (under the write
            // lock, before it changes anything) and then waits until no registered reader's entry
            // names this slot; of the publication and the clearing, the one whose fence comes
            // second sees the other (see `crate::bias`). So no writer changes the cell until
            // `_leave` is dropped, and this shared reference overlaps only other reads. Collections,
            // which write marks with the world stopped, never overlap a read: `f` takes no lock and
            // cannot reach a safepoint. Setting the bias happens under the read lock, after every
            // earlier write, and this thread's acquire load of the tag saw it.
            let cell = unsafe { &*slot.cell.data_ptr() };
            // Leaves the biased read however `f` ends: writers wait for it.
            struct Leave<'a>(&'a Readers<Std>, usize);
            impl Drop for Leave<'_> {
                fn drop(&mut self) {
                    self.0.leave(self.1);
                }
            }
            let _leave = Leave(&self.readers, reader);
            return Self::read_cell(cell, tag_generation(tag), handle, f);
        }
        let cell = slot.cell.read();
        // Under the read lock no writer can change the tag: only other readers may set the bias too.
        let tag = slot.tag.load(Relaxed);
        if tag_generation(tag) == handle.generation && reader < self.readers.len() && bias::worth_biasing(tag, reader) {
            let _ = slot.tag.compare_exchange(tag, tag | bias::BIAS, Release, Relaxed);
        }
        Self::read_cell(&cell, tag_generation(tag), handle, f)
    }

    /// Runs `f` on the object `handle` names, under the slot's write lock.
    #[inline]
    /// An immutable object is never changed: `f` gets a copy of it (operations check the type
    /// and fail before they change anything, and while immutable objects are read without the
    /// lock, even a write lock must not hand out a mutable reference to one).
    pub fn write<R>(&self, handle: Handle, f: impl FnOnce(&mut Object) -> R) -> Result<R, HeapError> {
        step::record(Resource::Object(handle.generation), Access::Write);
        if let Some(cell) = self.immutable_cell(self.slot(handle.slot), handle) {
            let mut copy = Self::read_cell(cell, handle.generation, handle, Object::clone)?;
            return Ok(f(&mut copy));
        }
        let (target, mut cell) = self.lock_for_write(handle.slot);
        let generation = target.generation();
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
                let target = self.slot(slot);
                let cell = target.cell.read();
                cell.object.as_ref().map(|_| Handle { slot, generation: target.generation() })
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn collections_are_due_when_the_heap_doubles_or_uses_half_the_room_left() {
        let max = 1 << 30;
        // A small heap: the least growth.
        assert_eq!(pressure_point(max, 1 << 20, 0), (1 << 20) + MIN_GROWTH);
        // A bigger one: double what survived.
        assert_eq!(pressure_point(max, 100 << 20, 0), 200 << 20);
        // Near the limit: half the room left, while collections still free something.
        assert_eq!(pressure_point(max, 800 << 20, 0), (800 << 20) + (112 << 20));
        assert_eq!(pressure_point(max, 960 << 20, 100 << 20), (960 << 20) + (32 << 20));
        // A futile collection near the limit: none is due by size any more.
        assert_eq!(pressure_point(max, 960 << 20, 10 << 20), usize::MAX);
    }

    #[test]
    fn filling_the_heap_with_live_objects_ends_in_memory_error_after_few_collections() {
        // What a program that fills a dict for ever does: everything it allocates stays live, and
        // it collects whenever a collection is due.
        let heap = Heap::new(64 << 20, 1);
        let mut live: Vec<crate::value::Value> = Vec::new();
        let mut collections = 0;
        let error = loop {
            match heap.alloc(Object::Str(StrObject::new("x".repeat(200)))) {
                Ok(handle) => live.push(crate::value::Value::obj(handle)),
                Err(error) => break error,
            }
            if heap.under_pressure() {
                heap.collect(live.iter().copied());
                collections += 1;
            }
        };
        assert_eq!(error, HeapError::Full(64 << 20));
        assert!(heap.bytes() > (64 << 20) - 4096, "the heap was full: {}", heap.bytes());
        // 8, 16, 32 MiB (doubling), then half the room left twice before a collection is futile
        // (collecting at every allocation for ever less room took hundreds).
        assert!(collections <= 6, "{collections} collections");
    }

    #[test]
    fn stale_handle_is_detected_after_reuse() {
        let heap = Heap::new(1 << 20, 1);
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
    fn kinds_are_read_without_the_lock_and_follow_the_slot() {
        let heap = Heap::new(1 << 20, 1);
        let list = heap.alloc(Object::List(vec![])).unwrap();
        let text = heap.alloc(Object::Str(StrObject::new("x"))).unwrap();
        assert_eq!((heap.kind(list), heap.kind(text)), (Ok(Kind::List), Ok(Kind::Str)));
        heap.collect([crate::value::Value::obj(text)]);
        assert_eq!(heap.slot(list.slot).tag.load(Relaxed), 0, "a freed slot's tag is cleared");
        assert_eq!(heap.kind(list), Err(HeapError::UseAfterFree { number: list.number() }));
        // The slot is reused by an object of another kind: the old handle stays stale.
        let dict = heap.alloc(Object::Dict(Box::default())).unwrap();
        assert_eq!(dict.slot, list.slot);
        assert_eq!(heap.kind(dict), Ok(Kind::Dict));
        assert_eq!(heap.kind(list), Err(HeapError::UseAfterFree { number: list.number() }));
        assert_eq!(heap.kind(text), Ok(Kind::Str));
        for kind in Kind::ALL {
            assert_eq!(Kind::from_u8(kind as u8), Some(kind));
        }
        assert_eq!(Kind::from_u8(0), None, "0 marks an empty slot");
    }

    #[test]
    fn batched_threads_get_unique_numbers_and_slots() {
        let heap = Heap::new(usize::MAX, 8);
        let handles: Vec<Vec<Handle>> = std::thread::scope(|s| {
            let workers: Vec<_> = (0..4)
                .map(|_| {
                    s.spawn(|| {
                        let mut local = LocalHeap::default();
                        let mine: Vec<Handle> =
                            (0..1000).map(|_| heap.alloc_local(&mut local, Object::List(vec![])).unwrap().0).collect();
                        heap.release_local(&mut local);
                        mine
                    })
                })
                .collect();
            workers.into_iter().map(|w| w.join().unwrap()).collect()
        });
        let all: Vec<Handle> = handles.concat();
        let numbers: std::collections::HashSet<u32> = all.iter().map(|h| h.number()).collect();
        let slots: std::collections::HashSet<u32> = all.iter().map(|h| h.slot).collect();
        assert_eq!((numbers.len(), slots.len()), (4000, 4000));
        assert_eq!(heap.live(), 4000, "every allocation is counted once its thread ends");
        for mine in &handles {
            assert!(mine.windows(2).all(|w| w[0].number() < w[1].number()), "a thread's numbers ascend");
        }
    }

    #[test]
    fn a_collection_voids_what_threads_had_not_reported() {
        let heap = Heap::new(1 << 20, 4);
        let mut local = LocalHeap::default();
        let kept = heap.alloc_local(&mut local, Object::List(vec![])).unwrap().0;
        heap.alloc_local(&mut local, Object::List(vec![])).unwrap();
        assert!(local.credit > 0 && local.pending == 2);
        let stats = heap.collect([crate::value::Value::obj(kept)]);
        assert_eq!((stats.marked, stats.freed, heap.live()), (1, 1, 1));
        assert_eq!(heap.bytes(), footprint(&Object::List(vec![])), "the recount drops unused credit");
        // The thread's next allocation notices the new epoch and counts from zero.
        heap.alloc_local(&mut local, Object::List(vec![])).unwrap();
        assert_eq!(local.pending, 1);
        heap.release_local(&mut local);
        assert_eq!(heap.live(), 2);
        // Cached slots were never handed to anyone else; released, they are reused.
        assert!(heap.alloc.lock().free.len() >= 2);
    }

    #[test]
    fn a_lazy_collection_leaves_the_sweep_to_allocations() {
        let heap = Heap::new(usize::MAX, 4);
        let mut local = LocalHeap::default();
        let all: Vec<Handle> =
            (0..600).map(|_| heap.alloc_local(&mut local, Object::List(vec![])).unwrap().0).collect();
        let kept = all[300];
        let stats = heap.collect_with([crate::value::Value::obj(kept)], true);
        assert_eq!((stats.marked, stats.freed, heap.live()), (1, 0, 1), "only the mark ran");
        assert_eq!(heap.bytes(), footprint(&Object::List(vec![])), "the garbage's room is free at once");
        // Allocating sweeps block after block and reuses what it freed, never the kept object.
        let mut fresh = Vec::new();
        for _ in 0..500 {
            fresh.push(heap.alloc_local(&mut local, Object::List(vec![])).unwrap().0);
        }
        assert!(fresh.iter().all(|h| h.slot != kept.slot));
        assert!(heap.read(kept, |_| ()).is_ok());
        assert_eq!(heap.read(all[0], |_| ()), Err(HeapError::UseAfterFree { number: all[0].number() }));
        let high = heap.alloc.lock().next_slot;
        assert!(high <= 604 + 8, "the freed slots were reused: {high}");
        // Two blocks of 256 were enough for 500 allocations; an eager collection frees the 500 and
        // finishes the sweep the lazy one left (the 88 garbage objects of the third block).
        let stats = heap.collect([crate::value::Value::obj(kept)]);
        assert_eq!(stats.marked, 1);
        assert_eq!(stats.freed, 500 + 88);
    }

    #[test]
    fn a_lazy_sweep_keeps_small_item_buffers_for_reuse() {
        use crate::value::Value;
        let heap = Heap::new(usize::MAX, 4);
        let mut local = LocalHeap::default();
        let items = [Value::int(1), Value::int(2), Value::int(3)];
        let mut buffers = Vec::new();
        for _ in 0..200 {
            let tuple = local.tuple_items(&items);
            buffers.push(tuple.as_ptr());
            heap.alloc_local(&mut local, Object::Tuple(tuple)).unwrap();
            let list = local.list_items(&items[..2]);
            heap.alloc_local(&mut local, Object::List(list)).unwrap();
            // Too big to keep: freed as before.
            heap.alloc_local(&mut local, Object::Tuple(vec![Value::NONE; SPARE_ITEMS + 1].into())).unwrap();
        }
        heap.collect_with([], true);
        // The next allocation's refill sweeps the first block of 256 slots: 85 or 86 of each.
        heap.alloc_local(&mut local, Object::List(vec![])).unwrap();
        let kept = local.spare.tuples[2].len();
        assert!((80..=SPARE_PER_SIZE).contains(&kept), "3-tuples kept: {kept}");
        assert!((80..=SPARE_PER_SIZE).contains(&local.spare.lists.len()));
        assert!(local.spare.tuples[SPARE_ITEMS - 1].is_empty(), "no 8-tuple died");
        // A new tuple of 3 reuses one of the dead tuples' buffers, with its own items.
        let fresh = [Value::int(7), Value::NONE, Value::bool(true)];
        let tuple = local.tuple_items(&fresh);
        assert!(buffers.contains(&tuple.as_ptr()));
        assert_eq!(&*tuple, &fresh);
        // A list reuses a cleared buffer: only its own items.
        let list = local.list_items(&fresh[..1]);
        assert_eq!(list, vec![Value::int(7)]);
        assert_eq!(local.spare.tuples[2].len(), kept - 1);
        // Other lengths have no spares and allocate.
        assert_eq!(&*local.tuple_items(&fresh[..2]), &fresh[..2]);
        assert!(local.tuple_items(&[]).is_empty());
    }

    #[test]
    fn at_most_a_bounded_number_of_buffers_is_kept() {
        use crate::value::Value;
        let mut local = LocalHeap::default();
        for _ in 0..SPARE_PER_SIZE + 10 {
            local.recycle(Object::Tuple(vec![Value::NONE; 2].into()));
            local.recycle(Object::List(Vec::with_capacity(4)));
            local.recycle(Object::List(Vec::with_capacity(SPARE_ITEMS + 1)));
            local.recycle(Object::List(Vec::new()));
        }
        assert_eq!(local.spare.tuples[1].len(), SPARE_PER_SIZE);
        assert_eq!(local.spare.lists.len(), SPARE_PER_SIZE);
        assert!(local.spare.lists.iter().all(|l| l.capacity() == 4 && l.is_empty()));
    }

    fn biased(heap: &Heap, handle: Handle) -> bool {
        heap.slot(handle.slot).tag.load(Relaxed) & bias::BIAS != 0
    }

    /// A heap with biased reads for readers 0 to 3 (0 to 2 registered), and reader 0's cache.
    fn biased_heap() -> (Heap, LocalHeap) {
        let mut heap = Heap::new(usize::MAX, 4);
        heap.enable_biased_reads(4);
        (0..3).for_each(|reader| heap.register_reader(reader));
        (heap, LocalHeap::for_reader(Some(0)))
    }

    #[test]
    fn an_object_read_by_another_thread_is_biased_until_written() {
        let (heap, mut mine) = biased_heap();
        let (list, _) = heap.alloc_local(&mut mine, Object::List(vec![crate::value::Value::int(5)])).unwrap();
        let len = |o: &Object| if let Object::List(items) = o { items.len() } else { 0 };
        // The owner's reads take the lock and leave the object unbiased.
        assert_eq!(heap.read_leaf(list, 0, len), Ok(1));
        assert!(!biased(&heap, list));
        // Another reader's locked read sets the bias; its next reads go without the lock.
        assert_eq!(heap.read_leaf(list, 1, len), Ok(1));
        assert!(biased(&heap, list));
        assert_eq!(heap.read_leaf(list, 2, len), Ok(1));
        assert_eq!(heap.kind(list), Ok(Kind::List), "the kind tag ignores the bias bits");
        // A write revokes the bias before it changes the object, and the readers see the change.
        heap.write(list, |o| {
            if let Object::List(items) = o {
                items.push(crate::value::Value::NONE)
            }
        })
        .unwrap();
        assert!(!biased(&heap, list));
        assert_eq!(heap.read_leaf(list, 1, len), Ok(2));
        assert!(biased(&heap, list), "biased again");
        // After BIAS_LIMIT revocations, the object stays unbiased.
        for _ in 1..bias::BIAS_LIMIT {
            heap.write(list, |_| ()).unwrap();
            heap.read_leaf(list, 1, len).unwrap();
        }
        heap.write(list, |_| ()).unwrap();
        heap.read_leaf(list, 1, len).unwrap();
        assert!(!biased(&heap, list));
        // A reader number past the table takes the lock and sets nothing.
        let (other, _) = heap.alloc_local(&mut mine, Object::List(vec![])).unwrap();
        assert_eq!(heap.read_leaf(other, 9, len), Ok(0));
        assert!(!biased(&heap, other));
    }

    #[test]
    fn a_biased_object_freed_and_reused_is_use_after_free_for_its_old_handle() {
        let (heap, mut mine) = biased_heap();
        let (tuple, _) = heap.alloc_local(&mut mine, Object::Tuple(Box::new([]))).unwrap();
        heap.read_leaf(tuple, 1, |_| ()).unwrap();
        assert!(biased(&heap, tuple));
        // The eager sweep revokes the bias of what it frees; the slot is reused for a str.
        heap.collect([]);
        assert!(!biased(&heap, tuple));
        assert_eq!(heap.read_leaf(tuple, 1, |_| ()), Err(HeapError::UseAfterFree { number: tuple.number() }));
        let text = (0..8)
            .map(|_| heap.alloc_local(&mut mine, Object::Str(StrObject::new("x"))).unwrap().0)
            .find(|h| h.slot == tuple.slot)
            .expect("the freed slot is reused");
        assert!(!biased(&heap, text));
        assert_eq!(heap.read_leaf(tuple, 1, |_| ()), Err(HeapError::UseAfterFree { number: tuple.number() }));
        assert_eq!(heap.read_leaf(text, 1, |o| o.kind()), Ok(Kind::Str));
    }

    #[test]
    fn without_biased_reads_read_leaf_is_a_locked_read() {
        let heap = Heap::new(usize::MAX, 4);
        let mut mine = LocalHeap::for_reader(Some(0));
        let (list, _) = heap.alloc_local(&mut mine, Object::List(vec![])).unwrap();
        assert_eq!(heap.read_leaf(list, 1, |o| o.kind()), Ok(Kind::List));
        assert!(!biased(&heap, list));
    }

    #[test]
    fn batched_allocation_stops_at_the_limit() {
        let one = footprint(&Object::List(vec![]));
        let heap = Heap::new(10 * one, 4);
        let mut local = LocalHeap::default();
        for _ in 0..10 {
            heap.alloc_local(&mut local, Object::List(vec![])).unwrap();
        }
        assert!(matches!(heap.alloc_local(&mut local, Object::List(vec![])), Err(HeapError::Full(_))));
    }

    #[test]
    fn an_object_costs_at_most_56_bytes_besides_its_items() {
        // CPython's smallest GC-tracked container header (list) is 56 bytes with its GC links.
        // A slot is the object (32 bytes), its number and mark, its lock, and its kind tag.
        assert_eq!(std::mem::size_of::<Object>(), 32);
        assert!(std::mem::size_of::<Slot>() <= 56, "{}", std::mem::size_of::<Slot>());
    }

    #[test]
    fn full_heap_is_an_error_not_a_panic() {
        let one = footprint(&Object::List(vec![]));
        let heap = Heap::new(10 * one, 1);
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
    fn what_every_refill_writes_shares_no_cache_line_with_what_every_access_reads() {
        use std::mem::{offset_of, size_of};
        // The 64-byte lines a field of `size` bytes at `offset` covers.
        let lines = |offset: usize, size: usize| offset / 64..(offset + size).div_ceil(64);
        let written = [
            lines(offset_of!(Heap, alloc), size_of::<Padded<Mutex<AllocState>>>()),
            lines(offset_of!(Heap, live), size_of::<Padded<AtomicUsize>>()),
            lines(offset_of!(Heap, allocated_since_collect), size_of::<Padded<AtomicUsize>>()),
            lines(offset_of!(Heap, bytes), size_of::<Padded<AtomicUsize>>()),
        ];
        let read = [
            lines(offset_of!(Heap, segments), size_of::<[OnceLock<Box<[Slot]>>; SEGMENTS]>()),
            lines(offset_of!(Heap, epoch), 8),
            lines(offset_of!(Heap, batch), 4),
            lines(offset_of!(Heap, lock_free), 1),
            lines(offset_of!(Heap, max_bytes), 8),
        ];
        for (i, w) in written.iter().enumerate() {
            assert!(read.iter().all(|r| r.end <= w.start || w.end <= r.start), "written field {i} shares a line");
            assert!(written.iter().enumerate().all(|(j, o)| i == j || o.end <= w.start || w.end <= o.start));
        }
    }

    #[test]
    fn the_slot_table_grows_in_doubling_segments() {
        assert_eq!(segment_of(0), (0, 0));
        assert_eq!(segment_of(1023), (0, 1023));
        assert_eq!(segment_of(1024), (1, 0));
        assert_eq!(segment_of(3071), (1, 2047));
        assert_eq!(segment_of(3072), (2, 0));
        assert_eq!(segment_of(u32::MAX).0, SEGMENTS - 1);
        let heap = Heap::new(usize::MAX, 1);
        let handles: Vec<Handle> =
            (0..5000).map(|i| heap.alloc(Object::Range { start: i, stop: 0, step: 1 }).unwrap()).collect();
        for (i, h) in handles.iter().enumerate() {
            assert_eq!(heap.read(*h, |o| matches!(o, Object::Range { start, .. } if *start == i as i64)), Ok(true));
        }
    }

    /// One lazy sweep of a block by `local`'s thread: the block's number and how many slots it
    /// freed into the thread's cache.
    fn swept_block(heap: &Heap, local: &mut LocalHeap) -> Option<(u32, usize)> {
        let before = local.slots.len();
        if !heap.sweep_block(local) {
            return None;
        }
        let block = local.sweep.next - 1;
        let freed = &local.slots[before..];
        assert!(freed.iter().all(|slot| slot / SWEEP_BLOCK == block), "one sweep frees one block: {freed:?}");
        Some((block, freed.len()))
    }

    #[test]
    fn a_lazy_sweep_gives_each_thread_back_its_own_blocks_first() {
        let mut heap = Heap::new(usize::MAX, SWEEP_BLOCK);
        heap.enable_lock_free_fast_paths();
        let mut locals = [LocalHeap::for_reader(Some(1)), LocalHeap::for_reader(Some(2))];
        // Thread one fills blocks 0, 2 and 4, thread two blocks 1 and 3.
        for filler in [0, 1, 0, 1, 0] {
            for _ in 0..SWEEP_BLOCK {
                heap.alloc_local(&mut locals[filler], Object::List(vec![])).unwrap();
            }
        }
        heap.collect_with(std::iter::empty(), true);
        let [mut one, mut two] = locals;
        assert!(one.slots.is_empty() && two.slots.is_empty(), "each thread used its whole batch");
        let all = SWEEP_BLOCK as usize;
        assert_eq!(swept_block(&heap, &mut one), Some((0, all)));
        assert_eq!(swept_block(&heap, &mut two), Some((1, all)));
        assert_eq!(swept_block(&heap, &mut one), Some((2, all)));
        assert_eq!(swept_block(&heap, &mut one), Some((4, all)));
        // Through its own blocks, a thread takes what is left; no block is swept twice.
        assert_eq!(swept_block(&heap, &mut one), Some((3, all)));
        assert_eq!(swept_block(&heap, &mut two), None);
        assert_eq!(swept_block(&heap, &mut one), None);
        // The next lazy collection leaves each block to the thread that swept it: thread two
        // refills block 1, and one block 3 (the last it swept, whose slots it takes first).
        for local in [&mut one, &mut two] {
            for _ in 0..SWEEP_BLOCK {
                heap.alloc_local(local, Object::List(vec![])).unwrap();
            }
        }
        heap.collect_with(std::iter::empty(), true);
        assert_eq!(swept_block(&heap, &mut two), Some((1, all)));
        let ones: Vec<_> = std::iter::from_fn(|| swept_block(&heap, &mut one)).collect();
        assert_eq!(ones, [(0, 0), (2, 0), (3, all), (4, 0)], "blocks whose slots one still holds free nothing");
        assert_eq!(swept_block(&heap, &mut two), None);
    }

    #[test]
    fn threads_sweeping_at_once_free_every_garbage_slot_once() {
        let mut heap = Heap::new(usize::MAX, 16);
        heap.enable_lock_free_fast_paths();
        let mut locals: Vec<LocalHeap> = (1..=4).map(|owner| LocalHeap::for_reader(Some(owner))).collect();
        let mut kept = Vec::new();
        for round in 0..40 * SWEEP_BLOCK as usize {
            let local = &mut locals[round / 100 % 4];
            let handle = heap.alloc_local(local, Object::Tuple(vec![Value::int(round as i64)].into())).unwrap().0;
            if round % 7 == 0 {
                kept.push(Value::obj(handle));
            }
        }
        let cached: Vec<u32> = locals.iter_mut().flat_map(|local| std::mem::take(&mut local.slots)).collect();
        heap.collect_with(kept.iter().copied(), true);
        let freed: Vec<Vec<u32>> = std::thread::scope(|scope| {
            let sweepers: Vec<_> = locals
                .iter_mut()
                .map(|local| {
                    let heap = &heap;
                    scope.spawn(move || {
                        while heap.sweep_block(local) {}
                        std::mem::take(&mut local.slots)
                    })
                })
                .collect();
            sweepers.into_iter().map(|sweeper| sweeper.join().unwrap()).collect()
        });
        let mut all: Vec<u32> = freed.into_iter().flatten().collect();
        all.sort_unstable();
        let before = all.len();
        all.dedup();
        assert_eq!(all.len(), before, "a slot was freed twice");
        assert_eq!(all.len(), 40 * SWEEP_BLOCK as usize - kept.len(), "every garbage object is freed");
        assert!(kept.iter().all(|v| v.handle().is_some_and(|h| heap.read(h, |_| ()).is_ok())));
        assert!(cached.iter().all(|slot| all.binary_search(slot).is_err()), "an empty cached slot was freed");
    }

    #[test]
    fn the_lock_free_paths_allocate_read_and_sweep_like_the_locked_ones() {
        let mut heap = Heap::new(usize::MAX, 8);
        heap.enable_lock_free_fast_paths();
        let mut local = LocalHeap::default();
        let word = heap.alloc_local(&mut local, Object::Str(StrObject::new("word"))).unwrap().0;
        let list = heap.alloc_local(&mut local, Object::List(vec![Value::obj(word)])).unwrap().0;
        let garbage = heap.alloc_local(&mut local, Object::Tuple(vec![Value::NONE; 2].into())).unwrap().0;
        assert_eq!(heap.kind(word), Ok(Kind::Str));
        assert_eq!(heap.read(word, |o| matches!(o, Object::Str(s) if s.text == "word")), Ok(true));
        // A write to an immutable object changes only a copy; a mutable one changes in place.
        heap.write(word, |o| *o = Object::Str(StrObject::new("changed"))).unwrap();
        assert_eq!(heap.read(word, |o| matches!(o, Object::Str(s) if s.text == "word")), Ok(true));
        heap.write(list, |o| *o = Object::List(vec![])).unwrap();
        assert_eq!(heap.read(list, |o| matches!(o, Object::List(items) if items.is_empty())), Ok(true));
        // A lazy collection keeps what the roots reach; the sweep frees the rest, into this
        // thread's cache, and a stale handle to it reads as freed.
        heap.collect_with([Value::obj(word)], true);
        while heap.sweep_block(&mut local) {}
        assert!(local.slots.contains(&list.slot) && local.slots.contains(&garbage.slot));
        assert!(!local.slots.contains(&word.slot));
        assert_eq!(heap.read(garbage, |_| ()), Err(HeapError::UseAfterFree { number: garbage.number() }));
        assert_eq!(heap.read(word, |o| matches!(o, Object::Str(s) if s.text == "word")), Ok(true));
        let reused = heap.alloc_local(&mut local, Object::Str(StrObject::new("new"))).unwrap().0;
        assert_eq!(heap.kind(reused), Ok(Kind::Str));
        assert_eq!(heap.read(reused, |o| matches!(o, Object::Str(s) if s.text == "new")), Ok(true));
    }
}
