//! An insertion-ordered hash table of VM values, as Python's dict.
//!
//! Key equality can need the heap (two distinct str objects with the same text
//! are the same key), so every lookup takes the key's hash and an `eq` closure
//! from the caller instead of requiring `Hash + Eq` on `Value`.

use crate::value::Value;
use hashbrown::HashTable;

#[derive(Debug, Clone, Copy)]
struct Entry {
    hash: u64,
    key: Value,
    value: Value,
}

/// What one entry costs in [`Heap`](super::Heap) accounting: the entry and its index slot.
pub const ENTRY_BYTES: usize = std::mem::size_of::<Option<Entry>>() + 2 * std::mem::size_of::<usize>();

/// Insertion-ordered entries plus an index from hash to entry position.
#[derive(Debug, Clone, Default)]
pub struct Dict {
    entries: Vec<Option<Entry>>,
    index: HashTable<usize>,
    len: usize,
}

impl Dict {
    pub fn new() -> Dict {
        Dict::default()
    }

    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The live `(key, value)` pairs in insertion order.
    pub fn entries(&self) -> impl Iterator<Item = (Value, Value)> + '_ {
        self.entries.iter().flatten().map(|e| (e.key, e.value))
    }

    fn find(&self, hash: u64, mut eq: impl FnMut(Value) -> bool) -> Option<usize> {
        let entries = &self.entries;
        self.index.find(hash, |&i| entries[i].is_some_and(|e| e.hash == hash && eq(e.key))).copied()
    }

    pub fn get(&self, hash: u64, eq: impl FnMut(Value) -> bool) -> Option<Value> {
        self.find(hash, eq).and_then(|i| self.entries[i]).map(|e| e.value)
    }

    /// Sets `key` to `value`; an existing key keeps its position (and its original key object).
    pub fn insert(&mut self, hash: u64, key: Value, value: Value, eq: impl FnMut(Value) -> bool) {
        if let Some(i) = self.find(hash, eq) {
            if let Some(entry) = &mut self.entries[i] {
                entry.value = value;
            }
            return;
        }
        let position = self.entries.len();
        self.entries.push(Some(Entry { hash, key, value }));
        let entries = &self.entries;
        self.index.insert_unique(hash, position, |&i| entries[i].map_or(0, |e| e.hash));
        self.len += 1;
    }

    /// Removes `key`, returning its value.
    pub fn remove(&mut self, hash: u64, eq: impl FnMut(Value) -> bool) -> Option<Value> {
        let entries = &self.entries;
        let found = self
            .index
            .find_entry(hash, {
                let mut eq = eq;
                move |&i| entries[i].is_some_and(|e| e.hash == hash && eq(e.key))
            })
            .ok()?;
        let (position, _) = found.remove();
        let removed = self.entries[position].take();
        self.len -= 1;
        if self.entries.len() > 32 && self.len * 2 < self.entries.len() {
            self.compact();
        }
        removed.map(|e| e.value)
    }

    /// Drops the holes left by removals and rebuilds the index.
    fn compact(&mut self) {
        self.entries.retain(Option::is_some);
        self.index.clear();
        for (position, entry) in self.entries.iter().enumerate() {
            let hash = entry.map_or(0, |e| e.hash);
            let entries = &self.entries;
            self.index.insert_unique(hash, position, |&i| entries[i].map_or(0, |e| e.hash));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn int_eq(k: i64) -> impl FnMut(Value) -> bool {
        move |v| v == Value::int(k)
    }

    #[test]
    fn keeps_insertion_order_and_reinserts_at_end() {
        let mut d = Dict::new();
        for k in 0..5 {
            d.insert(k as u64 % 2, Value::int(k), Value::int(k * 10), int_eq(k));
        }
        d.insert(0, Value::int(2), Value::int(99), int_eq(2));
        assert_eq!(d.remove(1, int_eq(1)), Some(Value::int(10)));
        d.insert(1, Value::int(1), Value::int(11), int_eq(1));
        let keys: Vec<_> = d.entries().collect();
        assert_eq!(
            keys,
            vec![
                (Value::int(0), Value::int(0)),
                (Value::int(2), Value::int(99)),
                (Value::int(3), Value::int(30)),
                (Value::int(4), Value::int(40)),
                (Value::int(1), Value::int(11)),
            ]
        );
        assert_eq!(d.len(), 5);
    }

    #[test]
    fn compaction_preserves_lookups() {
        let mut d = Dict::new();
        for k in 0..100 {
            d.insert(k as u64, Value::int(k), Value::int(k), int_eq(k));
        }
        for k in 0..90 {
            assert!(d.remove(k as u64, int_eq(k)).is_some());
        }
        for k in 90..100 {
            assert_eq!(d.get(k as u64, int_eq(k)), Some(Value::int(k)));
        }
        assert_eq!(d.get(5, int_eq(5)), None);
        assert_eq!(d.len(), 10);
    }
}
