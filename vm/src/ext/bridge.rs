//! The refcount bridge (Ironclad's design): the pin table.
//!
//! The core keeps no reference counts. An object an extension can see is
//! *pinned* here with a count: call-scoped pins (arguments, callback results)
//! add one for the call's duration, and the extension's `incref`/`decref`
//! change it. Pinned objects are roots for the collector. The periodic
//! [`PinTable::scan`] unpins objects whose count fell to zero, and it runs only
//! while no extension call is active, because an active call could still
//! change a count.

use crate::heap::Handle;
use std::collections::BTreeMap;

/// Extension reference counts of pinned objects. Ordered by object, so scans are deterministic.
#[derive(Debug, Default)]
pub struct PinTable {
    counts: BTreeMap<Handle, u32>,
}

/// A decref of an object whose count was already zero (an extension bug).
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("decref of object #{0} whose extension count is already zero")]
pub struct NegativeCount(pub u32);

impl PinTable {
    pub fn incref(&mut self, h: Handle) {
        *self.counts.entry(h).or_insert(0) += 1;
    }

    /// Drops one count; the object stays pinned at zero until the next scan.
    pub fn decref(&mut self, h: Handle) -> Result<(), NegativeCount> {
        match self.counts.get_mut(&h) {
            Some(count) if *count > 0 => {
                *count -= 1;
                Ok(())
            }
            _ => Err(NegativeCount(h.number())),
        }
    }

    pub fn count(&self, h: Handle) -> Option<u32> {
        self.counts.get(&h).copied()
    }

    /// Unpins every object whose count is zero; returns how many. Call only while no
    /// extension call is active.
    pub fn scan(&mut self) -> usize {
        let before = self.counts.len();
        self.counts.retain(|_, count| *count > 0);
        before - self.counts.len()
    }

    /// Every pinned object (collector roots).
    pub fn pinned(&self) -> impl Iterator<Item = Handle> + '_ {
        self.counts.keys().copied()
    }
}
