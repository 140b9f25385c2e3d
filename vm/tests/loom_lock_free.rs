//! Loom model tests of the heap's lock-free fast paths ([`emlab_vm::heap::Heap::enable_lock_free_fast_paths`]):
//! a thread fills an empty slot of its own without the slot's lock, another reads the immutable
//! object in it without the lock, and a lazy sweep looks at the slot without the lock; threads
//! sweeping at once divide the blocks of slots between them, each thread its own first.
//!
//! The object is a loom `UnsafeCell`: loom reports any interleaving in which an unlocked read, or
//! the sweep's free, is not ordered after the allocation's write. The decisions are the heap's own
//! ([`immutable_in_tag`], [`garbage_in`]); the loads and stores around them are the heap's, in the
//! same order and with the same orderings. Each protocol is also run with one ordering weakened,
//! to show that the model catches the race it guards against.

// The shared module's `LoomWords` is for the other loom tests.
#[allow(dead_code)]
mod loom_words;

use emlab_vm::heap::{block_state, garbage_in, immutable_in_tag, sweep_claims, Kind};
use loom::cell::UnsafeCell;
use loom::sync::atomic::Ordering::{Acquire, Relaxed, Release};
use loom::sync::atomic::{AtomicU32, AtomicU64, Ordering};
use loom::sync::Arc;
use loom_words::model;

/// The object's generation (its number).
const GENERATION: u32 = 1;
/// The collection epoch while the model runs: the slot's object is allocated in it.
const EPOCH: u32 = 3;
/// The value the allocation writes.
const TEXT: u64 = 42;

/// A heap slot without its lock (which none of these paths takes).
struct Slot {
    tag: AtomicU64,
    mark: AtomicU32,
    object: UnsafeCell<u64>,
}

/// How the allocation publishes the object: the heap's way, or with one step weakened.
#[derive(Clone, Copy)]
struct Publish {
    tag_order: Ordering,
    mark_after_tag: bool,
}

const HEAP: Publish = Publish { tag_order: Release, mark_after_tag: false };

struct World {
    slot: Slot,
    /// Where the allocating thread leaves the handle for the reader: relaxed, the weakest way a
    /// handle can travel (the VM passes handles through locked containers and thread arguments).
    handle: AtomicU64,
}

impl World {
    fn new() -> Arc<World> {
        Arc::new(World {
            slot: Slot { tag: AtomicU64::new(0), mark: AtomicU32::new(0), object: UnsafeCell::new(0) },
            handle: AtomicU64::new(0),
        })
    }

    /// What `Heap::alloc_local` does with an empty slot from its thread's cache: the object, the
    /// mark, then the tag (`Slot::set_tag`), then the handle goes wherever the program puts it.
    fn allocate(&self, publish: Publish) {
        let tag = (GENERATION as u64) << 8 | Kind::Str as u64;
        // SAFETY: the slot is empty and this thread's own: what the model checks is that nothing
        // else reads it before the writes below are visible.
        self.slot.object.with_mut(|p| unsafe { *p = TEXT });
        if publish.mark_after_tag {
            self.slot.tag.store(tag, publish.tag_order);
            self.slot.mark.store(EPOCH, Relaxed);
        } else {
            self.slot.mark.store(EPOCH, Relaxed);
            self.slot.tag.store(tag, publish.tag_order);
        }
        self.handle.store(GENERATION as u64, Relaxed);
    }

    /// What `Heap::read` does for a handle it holds: an immutable object is read without the lock.
    /// Returns what it read, or None where the heap would take the lock (not modelled: it is the
    /// path every other read takes).
    fn read(&self) -> Option<u64> {
        let generation = self.handle.load(Relaxed) as u32;
        if generation == 0 {
            return None;
        }
        if !immutable_in_tag(self.slot.tag.load(Acquire), generation) {
            return None;
        }
        // SAFETY: the tag named the object (what the model checks).
        Some(self.slot.object.with(|p| unsafe { *p }))
    }

    /// What `Heap::sweep_block` does with a slot of its block: frees it only if it holds garbage.
    /// Returns whether it freed it.
    fn sweep(&self) -> bool {
        let tag = self.slot.tag.load(Acquire);
        if !garbage_in(tag, self.slot.mark.load(Relaxed), EPOCH) {
            return false;
        }
        // SAFETY: garbage has no readers (what the model checks, for a live object it must never
        // get here).
        self.slot.object.with_mut(|p| unsafe { *p = 0 });
        self.slot.tag.store(0, Relaxed);
        true
    }
}

/// An allocation into an empty slot, with a reader that got the handle (on the main thread) and a
/// lazy sweep over the slot (on a third), as chosen.
fn allocate_read_and_sweep(publish: Publish, read: bool, sweep: bool) {
    model(move || {
        let world = World::new();
        let allocator = {
            let world = world.clone();
            loom::thread::spawn(move || world.allocate(publish))
        };
        let sweeper = sweep.then(|| {
            let world = world.clone();
            loom::thread::spawn(move || world.sweep())
        });
        if read {
            if let Some(text) = world.read() {
                assert_eq!(text, TEXT, "an unlocked read sees the allocated object");
            }
        }
        allocator.join().unwrap();
        if let Some(sweeper) = sweeper {
            assert!(!sweeper.join().unwrap(), "the sweep freed an object allocated in its epoch");
        }
        assert_eq!(world.read(), Some(TEXT), "after the allocation, the object reads unlocked");
    });
}

#[test]
fn an_unlocked_read_and_a_lazy_sweep_see_an_allocation_whole() {
    allocate_read_and_sweep(HEAP, true, true);
}

#[test]
#[should_panic(expected = "Causality violation")]
fn a_relaxed_tag_would_let_an_unlocked_read_race_the_allocation() {
    allocate_read_and_sweep(Publish { tag_order: Relaxed, ..HEAP }, true, false);
}

#[test]
#[should_panic(expected = "the sweep freed an object allocated in its epoch")]
fn a_mark_stored_after_the_tag_would_let_the_sweep_free_a_new_object() {
    allocate_read_and_sweep(Publish { mark_after_tag: true, ..HEAP }, false, true);
}

#[test]
fn the_sweep_frees_garbage_left_from_an_earlier_epoch() {
    model(|| {
        let world = World::new();
        // An object allocated in an earlier epoch and not marked since: garbage, that no thread
        // holds a handle to.
        // SAFETY: no other thread exists yet.
        world.slot.object.with_mut(|p| unsafe { *p = TEXT });
        world.slot.mark.store(EPOCH - 1, Relaxed);
        world.slot.tag.store((GENERATION as u64) << 8 | Kind::Tuple as u64, Release);
        let sweeper = {
            let world = world.clone();
            loom::thread::spawn(move || world.sweep())
        };
        assert!(sweeper.join().unwrap());
        assert_eq!(world.slot.tag.load(Relaxed), 0, "the freed slot is empty");
    });
}

#[test]
fn only_immutable_kinds_of_the_handles_generation_read_unlocked() {
    for kind in [Kind::Str, Kind::Tuple, Kind::Range, Kind::DictKeys, Kind::DictValues, Kind::DictItems] {
        assert!(immutable_in_tag(7 << 8 | kind as u64, 7), "{kind:?}");
        assert!(!immutable_in_tag(8 << 8 | kind as u64, 7), "{kind:?} of another generation");
    }
    for kind in [Kind::List, Kind::Dict, Kind::RangeIterator, Kind::Iterator, Kind::Lock, Kind::Thread] {
        assert!(!immutable_in_tag(7 << 8 | kind as u64, 7), "{kind:?}");
    }
    assert!(!immutable_in_tag(0, 0), "an empty slot");
    // The bias bits and the owner above the generation do not matter.
    assert!(immutable_in_tag(1 << 63 | 5 << 40 | 7 << 8 | Kind::Str as u64, 7));
    assert!(!garbage_in(0, 0, EPOCH), "an empty slot is not garbage");
    assert!(!garbage_in(1 << 8 | 1, EPOCH, EPOCH), "a marked object is not garbage");
    assert!(garbage_in(1 << 8 | 1, EPOCH - 1, EPOCH));
}

/// The collection epoch of the block-claiming model (its blocks were last swept in the one before).
const SWEEP_EPOCH: u32 = 5;

/// Blocks of slots waiting for a lazy sweep, each with the state `Heap::sweep_block` claims it by
/// and the memory its sweep writes (the number of the thread that swept it).
struct Blocks {
    states: Vec<AtomicU64>,
    swept_by: Vec<UnsafeCell<u16>>,
}

impl Blocks {
    /// Blocks last swept by the threads `sweepers` name, one each.
    fn new(sweepers: &[u16]) -> Arc<Blocks> {
        Arc::new(Blocks {
            states: sweepers.iter().map(|&s| AtomicU64::new(block_state(SWEEP_EPOCH - 1, s))).collect(),
            swept_by: sweepers.iter().map(|_| UnsafeCell::new(0)).collect(),
        })
    }

    /// What `Heap::claim_block` and `Heap::sweep_block` do in thread `me` until nothing is left:
    /// its own blocks, then any, each claimed with a compare-and-swap (or, `racy`, a load and a
    /// store) and then swept. Returns the blocks it swept, in order.
    fn sweep_all(&self, me: u16, racy: bool) -> Vec<usize> {
        let mut swept = Vec::new();
        for any in [false, true] {
            for (block, state) in self.states.iter().enumerate() {
                let mut seen = state.load(Relaxed);
                while sweep_claims(seen, SWEEP_EPOCH, me, any) {
                    let claimed = if racy {
                        state.store(block_state(SWEEP_EPOCH, me), Relaxed);
                        Ok(seen)
                    } else {
                        state.compare_exchange_weak(seen, block_state(SWEEP_EPOCH, me), Relaxed, Relaxed)
                    };
                    match claimed {
                        Ok(_) => {
                            // SAFETY: the claim makes this thread the block's only sweeper in this
                            // epoch (what the model checks).
                            self.swept_by[block].with_mut(|p| unsafe { *p = me });
                            swept.push(block);
                            break;
                        }
                        Err(now) => seen = now,
                    }
                }
            }
        }
        swept
    }
}

/// Whether every block of `own` in `swept` comes before every other block in it.
fn own_first(swept: &[usize], own: &[usize]) -> bool {
    let first_other = swept.iter().position(|b| !own.contains(b)).unwrap_or(swept.len());
    swept[first_other..].iter().all(|b| !own.contains(b))
}

/// Two threads sweep three blocks (the first and last were thread 1's, the middle one thread 2's).
fn two_sweepers(racy: bool) {
    model(move || {
        let blocks = Blocks::new(&[1, 2, 1]);
        let other = {
            let blocks = blocks.clone();
            loom::thread::spawn(move || blocks.sweep_all(2, racy))
        };
        let mine = blocks.sweep_all(1, racy);
        let theirs = other.join().unwrap();
        let mut all: Vec<usize> = mine.iter().chain(&theirs).copied().collect();
        all.sort_unstable();
        assert_eq!(all, [0, 1, 2], "every block is swept once");
        assert!(own_first(&mine, &[0, 2]), "thread 1 sweeps its own blocks first: {mine:?}");
        assert!(own_first(&theirs, &[1]), "thread 2 sweeps its own block first: {theirs:?}");
        for (block, owner) in all.iter().map(|&b| (b, if mine.contains(&b) { 1 } else { 2 })) {
            // SAFETY: both sweepers are joined.
            assert_eq!(blocks.swept_by[block].with(|p| unsafe { *p }), owner);
            assert_eq!(blocks.states[block].load(Relaxed), block_state(SWEEP_EPOCH, owner));
        }
    });
}

#[test]
fn threads_sweeping_at_once_claim_each_block_once_their_own_first() {
    two_sweepers(false);
}

#[test]
#[should_panic(expected = "Concurrent write accesses to `UnsafeCell`")]
fn a_claim_by_load_and_store_would_let_two_threads_sweep_one_block() {
    two_sweepers(true);
}
