//! Deliberately wrong versions of `dpor`'s rules, one per rule, for the mutation tests.
//!
//! A reduction rule is a claim ("these commute", "this is not a read", "this happens before
//! that"); the soundness oracle tests the claims only if it catches each rule's mutant. The
//! tests in `tests/soundness.rs` run the oracle with each mutant and fail if one goes unnoticed.
//! Never set by the command line (the end-to-end test of `--audit` sets `EMLAB_DPOR_MUTANT`).

use emlab_vm::step::{Access, Footprint, Resource, GATE};

/// One broken rule (see the table in `races.rs`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mutant {
    /// Safepoint polls do not read the stop request.
    PollNotRead,
    /// A request for exclusive mode does not take the gate.
    RequestNotGate,
    /// Writes (and stores) of heap objects commute with each other.
    ObjectWritesCommute,
    /// Stores commute with each other whatever value they store where.
    StoresCommute,
    /// A module's own lock is no lock: its takings and releases touch nothing.
    ModuleLockNotLock,
    /// Every attach is inert, whatever its hold touches.
    AttachAlwaysInert,
    /// The stop request's clearing rule applied to its setting too: requests do not write `Stop`.
    RequestStopCleared,
    /// A poll whose hold ends at the thread's own request counts as inert too. Not in [`Mutant::ALL`]:
    /// equivalent today (see the table in `races.rs`).
    PollInertBeforeRequest,
    /// A `join` that finds its thread ended is ordered after that thread's last step (as the
    /// VM's own wait at the end of a run is) instead of reading its end.
    JoinOrdersAfterEnd,
    /// The poll where a thread parked counts as inert too (when its hold, up to the park, is).
    ParkingPollInert,
    /// Every loop back-edge with other threads runnable gives way for fairness, not only a spin's
    /// that repeats its state.
    LoopsGiveWay,
    /// An attach whose hold ends at the thread's own request counts as inert too.
    AttachInertBeforeRequest,
    /// A run cut at a spin's repeated iteration queues nothing in the iteration's place.
    SpinCutGivesNoWay,
}

impl Mutant {
    /// The mutants the oracle must catch.
    pub const ALL: [Mutant; 12] = [
        Mutant::PollNotRead,
        Mutant::RequestNotGate,
        Mutant::ObjectWritesCommute,
        Mutant::StoresCommute,
        Mutant::ModuleLockNotLock,
        Mutant::AttachAlwaysInert,
        Mutant::RequestStopCleared,
        Mutant::JoinOrdersAfterEnd,
        Mutant::ParkingPollInert,
        Mutant::LoopsGiveWay,
        Mutant::AttachInertBeforeRequest,
        Mutant::SpinCutGivesNoWay,
    ];

    /// `EMLAB_DPOR_MUTANT=PollNotRead` (a variant's name): how the end-to-end test of `--audit`
    /// gets a broken `dpor` into the `emlab` binary. Unset (always, outside that test): None.
    pub(super) fn from_env() -> Option<Mutant> {
        let name = std::env::var("EMLAB_DPOR_MUTANT").ok()?;
        Mutant::ALL.into_iter().chain([Mutant::PollInertBeforeRequest]).find(|m| format!("{m:?}") == name)
    }

    /// The footprint a step has under this mutant.
    pub(super) fn footprint(self, footprint: Footprint) -> Footprint {
        let keep = |r: Resource, a: Access| match self {
            Mutant::PollNotRead => (r, a) != (Resource::Stop, Access::Read),
            Mutant::RequestNotGate => r != Resource::Acquires(GATE),
            Mutant::ObjectWritesCommute
            | Mutant::StoresCommute
            | Mutant::AttachAlwaysInert
            | Mutant::RequestStopCleared
            | Mutant::PollInertBeforeRequest
            | Mutant::JoinOrdersAfterEnd
            | Mutant::ParkingPollInert
            | Mutant::LoopsGiveWay
            | Mutant::AttachInertBeforeRequest
            | Mutant::SpinCutGivesNoWay => true,
            Mutant::ModuleLockNotLock => !matches!(r, Resource::ModuleLock(_)),
        };
        let mut out = Footprint::default();
        for &(r, a) in footprint.accesses() {
            if keep(r, a) {
                let commutes = self == Mutant::ObjectWritesCommute && matches!(r, Resource::Object(_));
                let r = match r {
                    Resource::Ended(n) if self == Mutant::JoinOrdersAfterEnd && a == Access::Read => {
                        Resource::Joined(n)
                    }
                    r => r,
                };
                let a = match a {
                    Access::Write | Access::Store { .. } if commutes => Access::Commute,
                    Access::Store { .. } if self == Mutant::StoresCommute => Access::Store { at: 0, value: 0 },
                    a => a,
                };
                out.add(r, a);
            }
        }
        out
    }
}
