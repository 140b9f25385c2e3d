//! The table of a `set` or `frozenset`: CPython's open addressing (`Objects/setobject.c`), probe
//! for probe, so that a set iterates, and prints, in CPython's order wherever CPython's order
//! is fixed (ints, floats, tuples of them: their hashes are CPython's, see
//! `value_ops::python_hash`). Strings hash differently on every CPython run, so no program can
//! rely on the order of a set of strings; here they keep one order, the same on every run.
//!
//! What is written here is the algorithm, not CPython's code: linear probes of 9 slots, then
//! a jump by `i * 5 + 1 + perturb`; a table at least 8 slots and never more than 3/5 filled
//! (counting deleted slots), grown to 4 times (2 times past 50,000) the items it holds.

use crate::value::Value;

const MIN_SIZE: usize = 8;
const LINEAR_PROBES: usize = 9;
const PERTURB_SHIFT: u32 = 5;

/// Where a probe goes after its linear run from slot `i`: CPython's `i * 5 + 1 + perturb`, with
/// the hash's higher bits shifted into `perturb` one step at a time.
fn next_probe(i: usize, perturb: &mut u64, mask: usize) -> usize {
    *perturb >>= PERTURB_SHIFT;
    (i.wrapping_mul(5).wrapping_add(1).wrapping_add(*perturb as usize)) & mask
}

/// One slot: empty, a deleted item's marker, or an item and its hash.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Slot {
    Empty,
    Dummy,
    Item(Value, i64),
}

/// The items of a set, in CPython's table.
#[derive(Debug, Clone)]
pub struct SetTable {
    slots: Vec<Slot>,
    /// Items and deleted markers.
    fill: usize,
    /// Items.
    used: usize,
    /// Where `pop` looks first.
    finger: usize,
}

impl Default for SetTable {
    fn default() -> Self {
        SetTable::new()
    }
}

impl SetTable {
    pub fn new() -> SetTable {
        SetTable { slots: vec![Slot::Empty; MIN_SIZE], fill: 0, used: 0, finger: 0 }
    }

    pub fn len(&self) -> usize {
        self.used
    }

    pub fn is_empty(&self) -> bool {
        self.used == 0
    }

    fn mask(&self) -> usize {
        self.slots.len() - 1
    }

    /// The items with their hashes, in table order (the order a loop sees).
    pub fn entries(&self) -> impl Iterator<Item = (Value, i64)> + '_ {
        self.slots.iter().filter_map(|s| match *s {
            Slot::Item(v, h) => Some((v, h)),
            _ => None,
        })
    }

    /// The items, in table order.
    pub fn items(&self) -> impl Iterator<Item = Value> + '_ {
        self.entries().map(|(v, _)| v)
    }

    /// The slot of the item equal to one with `hash` (`eq` tells equal), if any.
    fn find(&self, hash: i64, eq: &mut dyn FnMut(Value) -> bool) -> Option<usize> {
        let mask = self.mask();
        let mut i = hash as usize & mask;
        let mut perturb = hash as u64;
        loop {
            let probes = if i + LINEAR_PROBES <= mask { LINEAR_PROBES } else { 0 };
            for j in i..=i + probes {
                match self.slots[j] {
                    Slot::Empty => return None,
                    Slot::Item(v, h) if h == hash && eq(v) => return Some(j),
                    _ => {}
                }
            }
            i = next_probe(i, &mut perturb, mask);
        }
    }

    pub fn contains(&self, hash: i64, eq: &mut dyn FnMut(Value) -> bool) -> bool {
        self.find(hash, eq).is_some()
    }

    /// Adds `key` unless an equal item is there (then the set keeps its own).
    pub fn add(&mut self, key: Value, hash: i64, eq: &mut dyn FnMut(Value) -> bool) {
        let mask = self.mask();
        let mut i = hash as usize & mask;
        let mut perturb = hash as u64;
        let mut free = None;
        let empty = 'probe: loop {
            let probes = if i + LINEAR_PROBES <= mask { LINEAR_PROBES } else { 0 };
            for j in i..=i + probes {
                match self.slots[j] {
                    Slot::Empty => break 'probe j,
                    Slot::Item(v, h) if h == hash && eq(v) => return,
                    // The last deleted slot on the way is reused (as in CPython 3.11).
                    Slot::Dummy => free = Some(j),
                    _ => {}
                }
            }
            i = next_probe(i, &mut perturb, mask);
        };
        self.used += 1;
        if let Some(j) = free {
            self.slots[j] = Slot::Item(key, hash);
            return;
        }
        self.fill += 1;
        self.slots[empty] = Slot::Item(key, hash);
        if self.fill * 5 >= mask * 3 {
            self.resize(if self.used > 50_000 { self.used * 2 } else { self.used * 4 });
        }
    }

    /// Removes the item equal to one with `hash`; whether there was one.
    pub fn discard(&mut self, hash: i64, eq: &mut dyn FnMut(Value) -> bool) -> bool {
        match self.find(hash, eq) {
            Some(j) => {
                self.slots[j] = Slot::Dummy;
                self.used -= 1;
                true
            }
            None => false,
        }
    }

    /// `set.pop()`: an item, from where the last one was taken on.
    pub fn pop(&mut self) -> Option<Value> {
        if self.used == 0 {
            return None;
        }
        let mut j = self.finger & self.mask();
        loop {
            if let Slot::Item(v, _) = self.slots[j] {
                self.slots[j] = Slot::Dummy;
                self.used -= 1;
                self.finger = j + 1;
                return Some(v);
            }
            j = (j + 1) & self.mask();
        }
    }

    /// After taking many items out (`-=`, `difference`): a table more than a quarter deleted
    /// markers is rebuilt, as CPython's `set_difference_update_internal` ends.
    pub fn purge_after_difference(&mut self) {
        if self.fill - self.used > self.mask() / 4 {
            self.resize(if self.used > 50_000 { self.used * 2 } else { self.used * 4 });
        }
    }

    pub fn clear(&mut self) {
        *self = SetTable::new();
    }

    /// A table of the smallest size above `min_used`, with the items (not the deleted markers).
    fn resize(&mut self, min_used: usize) {
        let mut size = MIN_SIZE;
        while size <= min_used {
            size <<= 1;
        }
        let old = std::mem::replace(&mut self.slots, vec![Slot::Empty; size]);
        self.fill = self.used;
        for slot in old {
            if let Slot::Item(v, h) = slot {
                self.insert_clean(v, h);
            }
        }
    }

    /// Places an item known to be absent, in a table with no deleted markers.
    fn insert_clean(&mut self, key: Value, hash: i64) {
        let mask = self.mask();
        let mut i = hash as usize & mask;
        let mut perturb = hash as u64;
        loop {
            let probes = if i + LINEAR_PROBES <= mask { LINEAR_PROBES } else { 0 };
            for j in i..=i + probes {
                if self.slots[j] == Slot::Empty {
                    self.slots[j] = Slot::Item(key, hash);
                    return;
                }
            }
            i = next_probe(i, &mut perturb, mask);
        }
    }

    /// Adds every item of `other` (CPython's `set_merge`: `set(s)`, `s | t`, `s.update(t)`).
    pub fn merge(&mut self, other: &SetTable, eq: &mut dyn FnMut(Value, Value) -> bool) {
        if other.used == 0 {
            return;
        }
        if (self.fill + other.used) * 5 >= self.mask() * 3 {
            self.resize((self.used + other.used) * 2);
        }
        if self.fill == 0 && self.slots.len() == other.slots.len() && other.fill == other.used {
            // Same size, nothing deleted: the same places.
            self.slots.clone_from(&other.slots);
            self.fill = other.fill;
            self.used = other.used;
            return;
        }
        if self.fill == 0 {
            self.fill = other.used;
            self.used = other.used;
            for (v, h) in other.entries() {
                self.insert_clean(v, h);
            }
            return;
        }
        for (v, h) in other.entries() {
            self.add(v, h, &mut |k| eq(k, v));
        }
    }

    /// Makes room for `more` items before adding them (CPython does this for a dict's keys).
    pub fn reserve(&mut self, more: usize) {
        if (self.fill + more) * 5 >= self.mask() * 3 {
            self.resize((self.used + more) * 2);
        }
    }

    /// CPython's `frozenset` hash: every slot's hash shuffled and combined, order-free.
    pub fn frozen_hash(&self) -> i64 {
        let shuffle = |h: u64| ((h ^ 89_869_747) ^ (h << 16)).wrapping_mul(3_644_798_167);
        let mut hash: u64 = 0;
        for slot in &self.slots {
            hash ^= shuffle(match *slot {
                Slot::Empty => 0,
                Slot::Dummy => -1i64 as u64,
                Slot::Item(_, h) => h as u64,
            });
        }
        if (self.slots.len() - self.fill) & 1 == 1 {
            hash ^= shuffle(0);
        }
        if (self.fill - self.used) & 1 == 1 {
            hash ^= shuffle(-1i64 as u64);
        }
        hash ^= (self.used as u64 + 1).wrapping_mul(1_927_868_237);
        hash ^= (hash >> 11) ^ (hash >> 25);
        hash = hash.wrapping_mul(69_069).wrapping_add(907_133_923);
        if hash == u64::MAX {
            hash = 590_923_713;
        }
        hash as i64
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn of(ints: &[i64]) -> SetTable {
        let mut t = SetTable::new();
        for &i in ints {
            t.add(Value::int(i), i, &mut |k| k == Value::int(i));
        }
        t
    }

    fn order(t: &SetTable) -> Vec<i64> {
        t.items().map(|v| v.as_int().expect("an int")).collect()
    }

    #[test]
    fn small_ints_come_out_in_cpythons_order() {
        // CPython 3.11: print({5, 3, 100, 8, 1}) shows {1, 3, 100, 5, 8}.
        assert_eq!(order(&of(&[5, 3, 100, 8, 1])), [1, 3, 100, 5, 8]);
        // set(range(20, 0, -3)) == {2, 5, 8, 11, 14, 17, 20} in that order.
        assert_eq!(order(&of(&[20, 17, 14, 11, 8, 5, 2])), [2, 5, 8, 11, 14, 17, 20]);
        // {-1, -2} hashes both to -2 in CPython: the caller passes -2 for -1; here only the probe.
        let mut t = of(&[1, 2, 3]);
        assert!(t.discard(2, &mut |k| k == Value::int(2)));
        t.add(Value::int(10), 10, &mut |k| k == Value::int(10));
        assert_eq!(order(&t), [1, 10, 3]);
        assert_eq!(t.pop().and_then(|v| v.as_int()), Some(1));
        assert_eq!(t.pop().and_then(|v| v.as_int()), Some(10));
    }

    #[test]
    fn growing_keeps_every_item_once() {
        let t = of(&(0..1000).map(|i| i * 7919 % 1000).collect::<Vec<_>>());
        assert_eq!(t.len(), 1000);
        let mut seen = order(&t);
        seen.sort();
        assert_eq!(seen, (0..1000).collect::<Vec<_>>());
    }
}
