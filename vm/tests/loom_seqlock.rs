//! Loom model test of the sequence lock behind the VM's globals ([`emlab_vm::seqlock`]).
//!
//! Loom explores every interleaving of a writer and a reader (and of two writers), and lets each
//! relaxed load read any store the memory model allows, stale ones included: a reader must never
//! return a pair that no single write stored.

mod loom_words;

use emlab_vm::seqlock::SeqCell;
use loom::sync::Arc;
use loom_words::{model, LoomWords};

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
