//! Deliberately wrong versions of `dpor`'s rules, one per rule, for the mutation tests.
//!
//! A reduction rule is a claim ("these commute", "this is not a read", "this happens before
//! that"); the soundness oracle tests the claims only if it catches each rule's mutant. The
//! tests in `tests/soundness.rs` run the oracle with each mutant and fail if one goes unnoticed.
//! Never set by the command line.

use emlab_vm::step::{Access, Footprint, Resource, GATE};

/// One broken rule (see the table in `races.rs`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mutant {
    /// Safepoint polls do not read the stop request.
    PollNotRead,
    /// A request for exclusive mode does not take the gate.
    RequestNotGate,
    /// A module's own lock conflicts with nothing.
    ModuleLockNeverConflicts,
    /// A collection conflicts with nothing.
    CollectionCommutes,
    /// Writes of heap objects commute with each other.
    ObjectWritesCommute,
    /// A step that wakes a thread happens before that thread's next step.
    WakeIsHappensBefore,
    /// Any release and the next taking of the same lock are no race, whatever else they touch and
    /// whatever the modes.
    LockHandoverAlways,
    /// A sleeping thread stays asleep when a step makes it runnable.
    SleepIgnoresEnables,
    /// Every iteration of a yielding loop counts as a repeat, even one that wrote.
    SpinAlwaysRepeats,
}

impl Mutant {
    pub const ALL: [Mutant; 9] = [
        Mutant::PollNotRead,
        Mutant::RequestNotGate,
        Mutant::ModuleLockNeverConflicts,
        Mutant::CollectionCommutes,
        Mutant::ObjectWritesCommute,
        Mutant::WakeIsHappensBefore,
        Mutant::LockHandoverAlways,
        Mutant::SleepIgnoresEnables,
        Mutant::SpinAlwaysRepeats,
    ];

    /// The footprint a step has under this mutant.
    pub(super) fn footprint(self, footprint: Footprint) -> Footprint {
        let keep = |r: Resource, a: Access| match self {
            Mutant::PollNotRead => (r, a) != (Resource::Exclusive, Access::Read),
            Mutant::RequestNotGate => r != Resource::Acquires(GATE),
            Mutant::ModuleLockNeverConflicts => !matches!(r, Resource::ModuleLock(_)),
            Mutant::CollectionCommutes => r != Resource::World,
            _ => true,
        };
        let mut out = Footprint::default();
        for &(r, a) in footprint.accesses() {
            if keep(r, a) {
                let a = if self == Mutant::ObjectWritesCommute && matches!(r, Resource::Object(_)) && a == Access::Write
                {
                    Access::Commute
                } else {
                    a
                };
                out.add(r, a);
            }
        }
        out
    }
}
