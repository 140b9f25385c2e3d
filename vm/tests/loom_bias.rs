//! Loom model test of biased reads ([`emlab_vm::bias`]), the protocol by which a thread reads a
//! shared heap object without writing its lock word.
//!
//! The object is a loom `UnsafeCell`: loom reports any interleaving in which a read overlaps a
//! write of it (a biased read that a writer did not wait for, or one that began after the bias was
//! revoked). Its relaxed and acquire loads may read any store the memory model allows.

mod loom_words;

use emlab_vm::bias::{Readers, BIAS};
use emlab_vm::seqlock::Words;
use loom::cell::UnsafeCell;
use loom::sync::atomic::Ordering::{Acquire, Relaxed, Release};
use loom::sync::{Arc, RwLock};
use loom_words::{model, LoomWords};

/// The slot's number in the reader table's entries.
const SLOT: u32 = 7;
/// A live object's tag: its generation and kind (the numbers do not matter here).
const LIVE: u64 = 1 << 8 | 2;

/// A heap slot as the VM has it: the lock, the tag, the object.
struct Slot {
    lock: RwLock<()>,
    tag: <LoomWords as Words>::Word,
    object: UnsafeCell<u64>,
}

struct World {
    slot: Slot,
    readers: Readers<LoomWords>,
}

impl World {
    fn new(tag: u64) -> Arc<World> {
        Arc::new(World {
            slot: Slot { lock: RwLock::new(()), tag: LoomWords::new(tag), object: UnsafeCell::new(0) },
            readers: Readers::new(2),
        })
    }

    /// What `Heap::read_leaf` does: the biased read if the tag allows it, else the read lock,
    /// setting the bias on the way (as a reader that is not the object's owner does). The reader
    /// registers first, as a VM thread does when it starts.
    fn read(&self, me: usize) -> u64 {
        self.readers.register(me);
        let tag = self.slot.tag.load(Acquire);
        if self.readers.enter(me, &self.slot.tag, tag, SLOT) {
            // SAFETY: inside a biased read no writer changes the object (what the model checks).
            let value = self.slot.object.with(|p| unsafe { *p });
            self.readers.leave(me);
            return value;
        }
        let _read = self.slot.lock.read().unwrap();
        let tag = self.slot.tag.load(Relaxed);
        if tag & BIAS == 0 {
            let _ = self.slot.tag.compare_exchange(tag, tag | BIAS, Release, Relaxed);
        }
        // SAFETY: the read lock excludes writers.
        self.slot.object.with(|p| unsafe { *p })
    }

    /// What `Heap::write` does: the write lock, the revocation, then the change.
    fn write(&self, value: u64) {
        let _write = self.slot.lock.write().unwrap();
        self.readers.revoke(&self.slot.tag, SLOT);
        // SAFETY: the write lock excludes locked readers, and the revocation waited for biased ones.
        self.slot.object.with_mut(|p| unsafe { *p = value });
    }
}

#[test]
fn a_biased_read_never_overlaps_a_write() {
    model(|| {
        let world = World::new(LIVE | BIAS);
        let writer = {
            let world = world.clone();
            loom::thread::spawn(move || {
                world.write(1);
                world.write(2);
            })
        };
        let seen = world.read(0);
        assert!(seen <= 2);
        writer.join().unwrap();
        assert_eq!(world.read(0), 2, "after the join, the last write");
        assert_eq!(world.slot.tag.load(Relaxed) & !BIAS & !(0x7f << 56), LIVE, "revocations keep the object's tag");
    });
}

#[test]
fn a_bias_set_by_one_reader_protects_another_readers_biased_read() {
    model(|| {
        let world = World::new(LIVE);
        // Reader 1 takes the lock and sets the bias; reader 0 may then read biased, while the
        // writer revokes.
        let biaser = {
            let world = world.clone();
            loom::thread::spawn(move || world.read(1))
        };
        let writer = {
            let world = world.clone();
            loom::thread::spawn(move || world.write(5))
        };
        let seen = world.read(0);
        assert!(seen == 0 || seen == 5);
        let seen_by_biaser = biaser.join().unwrap();
        assert!(seen_by_biaser == 0 || seen_by_biaser == 5);
        writer.join().unwrap();
    });
}
