//! The thread-state machine: attached, detached, exclusive mode and the GIL.
//!
//! Every VM thread is *attached* while it runs core code and *detached* while it
//! blocks. Attached threads poll [`Coordinator::stop_requested`] at safepoints.
//! [`Coordinator::begin_exclusive`] is the one mechanism behind both an EML
//! promotion and a stop-the-world collection: ask every other attached thread to
//! park at its next safepoint, wait until none is attached, run, then
//! [`Coordinator::end_exclusive`]. The requester detaches while it waits, so two
//! requesters never wait for each other (promotion is release-then-acquire).
//! Exclusive mode is reentrant for the thread that holds it.
//!
//! With the GIL on (`gil` mode, or `gil-on-import` after the import), attaching
//! is itself exclusive: at most one thread is attached, waiting threads are
//! served in FIFO order, and [`Coordinator::gil_wanted`] tells the holder to
//! hand over at its next switch interval.

use crate::platform::sync::{Condvar, Mutex};
use crate::platform::Platform;
// Footprints are recorded inside the critical sections: a step starts where the thread takes the
// state lock (a scheduling point), so what it does under the lock belongs to that step.
use crate::platform::sync::AtomicU64 as PlatformU64;
use crate::step::{record, Access, Resource, EML, GATE};
use std::sync::atomic::{AtomicBool, Ordering::SeqCst};

#[derive(Debug, Default)]
struct State {
    /// Threads currently running core code.
    attached: u32,
    /// The thread holding exclusive mode, if any, and how many times it entered it.
    exclusive: Option<u32>,
    exclusive_depth: u32,
    /// Threads waiting to enter exclusive mode.
    requesters: u32,
    /// Whether attaching is exclusive (a GIL).
    gil: bool,
    /// FIFO tickets for the GIL: the next to hand out and the one being served.
    next_ticket: u64,
    serving: u64,
}

/// Tracks which threads are attached and grants exclusive mode and the GIL.
///
/// What a promotion hands back and forth (the state's lock and fields, the stop flag, the change
/// count) shares one cache line, `repr(C)` in this order: each hand-over moves one line instead of
/// one per word (with each word on a line of its own, a promotion took longer).
#[repr(C, align(64))]
pub struct Coordinator<P: Platform> {
    state: Mutex<P, State>,
    /// Polled at every safepoint. A plain atomic, not the platform's: a poll is not a scheduling
    /// point of its own (the core steps around it are), which keeps model checking's state space
    /// small. It is only ever written under `state`'s lock, and a stale read just means parking at
    /// the next safepoint.
    stop_requested: AtomicBool,
    gil_wanted: AtomicBool,
    /// Whether the GIL is on (mirrors `State::gil`, which changes only in exclusive mode): a
    /// switch tick without it reads a flag that nobody can set, and is no park point.
    gil_on: AtomicBool,
    /// Bumped, under `state`'s lock, at every change a waiter may wait for: a waiter that spins
    /// (see [`Coordinator::wait`]) watches it instead of sleeping at once.
    changes: PlatformU64<P>,
    /// How many pauses a waiter spins before it sleeps (see [`Coordinator::wait`]).
    spins: u32,
    changed: Condvar<P>,
}

/// A request's setting of the stop flag: a store of `true`, which commutes with another request's.
const STOP_SET: Access = Access::Store { at: 0, value: 1 };

impl<P: Platform> Coordinator<P> {
    /// A coordinator, with the GIL on from the start if `gil`, whose waiters spin up to `spins`
    /// pauses before they sleep.
    pub fn new(gil: bool, spins: u32) -> Self {
        Coordinator {
            state: Mutex::new(State { gil, ..State::default() }),
            changed: Condvar::new(),
            stop_requested: AtomicBool::new(false),
            gil_wanted: AtomicBool::new(false),
            gil_on: AtomicBool::new(gil),
            changes: PlatformU64::new(0),
            spins,
        }
    }

    /// Waits for the next change of the state (or a spurious wake-up: callers re-check their
    /// condition). With `spins` > 0, first spins without the lock until `changes` moves, up to
    /// `spins` pauses, and only then sleeps on the condition variable: real threads on their own
    /// cores resume within a microsecond instead of two trips through the OS. No wake-up is lost:
    /// `changes` is bumped under the lock, so a change made before this thread takes the lock again
    /// is seen here, and one made after it has to wait until this thread sleeps (the loom model
    /// `promotion_with_spinning_waiters` in `vm/tests/loom_core.rs` checks this).
    ///
    /// With the GIL on, waiters never spin: the holder keeps it for a whole switch interval (many
    /// times what a spin lasts), so spinning for it would only take cores from threads that run.
    fn wait<'a>(&'a self, state: P::Guard<'a, State>) -> P::Guard<'a, State> {
        if self.spins == 0 || state.gil {
            return self.changed.wait(state);
        }
        let seen = self.changes.load();
        drop(state);
        for _ in 0..self.spins {
            if self.changes.load() != seen {
                break;
            }
            P::spin_pause();
        }
        let state = self.state.lock();
        if self.changes.load() != seen {
            return state;
        }
        self.changed.wait(state)
    }

    /// Records a change of `state` that waiters may wait for. Call with the lock held, before
    /// notifying.
    ///
    /// Only spinning waiters read the count; without them, it is not kept (the checker runs with
    /// no spinning, and under shuttle or loom every platform atomic is a scheduling point).
    fn announce(&self) {
        if self.spins > 0 {
            self.changes.fetch_add(1);
        }
    }

    /// Whether attached threads should park at their next safepoint. Cheap: one atomic load.
    ///
    /// Under a model checker the poll is a read of [`Resource::Stop`], which a request for
    /// exclusive mode writes: where a thread parks is observable (a read before the poll and a
    /// write after it land on either side of another thread's exclusive section), so the request
    /// must be explorable before every poll, not only before the thread's next attach.
    #[inline]
    pub fn stop_requested(&self) -> bool {
        let requested = self.stop_requested.load(SeqCst);
        if P::CONTROLLED {
            record(Resource::Stop, Access::Read);
        }
        requested
    }

    /// Whether another thread waits for the GIL (the holder should hand over at its switch tick).
    ///
    /// Recorded like [`Coordinator::stop_requested`]: a waiter's attempt writes
    /// [`Resource::Stop`], and every tick is a point where the holder may be switched out.
    /// Without the GIL the flag stays false and the tick parks nowhere: it reads nothing. (The
    /// soundness oracle found the cost of recording it: a rule of `dpor`'s, since dropped, took
    /// such a tick for the next park point, and a park at the poll before it was never explored.)
    #[inline]
    pub fn gil_wanted(&self) -> bool {
        let wanted = self.gil_wanted.load(SeqCst);
        if P::CONTROLLED && self.gil_on.load(SeqCst) {
            record(Resource::Stop, Access::Read);
        }
        wanted
    }

    /// Marks thread `me` as running core code, first waiting out other threads' exclusive mode
    /// (and, with the GIL on, until no other thread is attached and it is `me`'s turn).
    pub fn attach(&self, me: u32) {
        let mut state = self.state.lock();
        let mut ticket = None;
        loop {
            // Footprint of each attempt (the first, and each after a wake-up): with the GIL,
            // attaching hands out tickets and waits for the attached count to drop to zero; without
            // it, it reads whether the gate is open and, if so, bumps the count. The count is read
            // only by a requester of exclusive mode, which closed the gate first (or found it closed
            // by another requester, whose request it comes after): an attach is ordered against that
            // read by the gate, so the count is not recorded here.
            if state.gil {
                record(Resource::Exclusive, Access::Write);
                record(Resource::Attached, Access::Write);
                record(Resource::Gate, Access::Write);
            } else {
                record(Resource::Gate, Access::Read);
            }
            if state.gil {
                let mine = match ticket {
                    Some(t) => t,
                    None => {
                        let t = state.next_ticket;
                        state.next_ticket += 1;
                        ticket = Some(t);
                        t
                    }
                };
                record(Resource::Stop, Access::Write);
                if state.serving == mine && state.attached == 0 && self.open_to(&state, me) {
                    state.serving += 1;
                    self.gil_wanted.store(state.next_ticket > state.serving, SeqCst);
                    state.attached += 1;
                    return;
                }
                self.gil_wanted.store(true, SeqCst);
            } else if self.open_to(&state, me) {
                record(Resource::Acquires(EML), Access::Read);
                record(Resource::Acquires(GATE), Access::Read);
                state.attached += 1;
                return;
            }
            if !state.gil {
                // Exclusive mode is held or requested: a failed attempt to take the EML shared.
                record(Resource::Waits(EML), Access::Read);
            }
            state = self.wait(state);
        }
    }

    /// Whether no other thread holds or waits for exclusive mode.
    fn open_to(&self, state: &State, me: u32) -> bool {
        match state.exclusive {
            Some(owner) => owner == me,
            None => state.requesters == 0,
        }
    }

    /// Marks the calling thread as no longer running core code (it is about to block or end).
    pub fn detach(&self) {
        let mut state = self.state.lock();
        record(Resource::Attached, Access::Commute);
        record(Resource::Releases(EML), Access::Read);
        state.attached -= 1;
        self.announce();
        drop(state);
        self.changed.notify_all();
    }

    /// Parks an attached thread: detach, then attach again once exclusive mode (or the GIL) allows.
    pub fn park(&self, me: u32) {
        self.detach();
        self.attach(me);
    }

    /// Enters exclusive mode: waits until no other thread is attached. The caller must be attached.
    /// Reentrant: a thread already in exclusive mode just goes one level deeper.
    pub fn begin_exclusive(&self, me: u32) {
        let mut state = self.state.lock();
        // Whether the caller already holds exclusive mode: no other thread can change the answer.
        if state.exclusive == Some(me) {
            state.exclusive_depth += 1;
            return;
        }
        // The requester gives up its shared hold while it waits.
        record(Resource::Attached, Access::Commute);
        record(Resource::Releases(EML), Access::Read);
        // Whether the gate is open (no owner, no other requester): what the request does next
        // depends on nothing else of the EML's state.
        record(Resource::Gate, Access::Read);
        if state.exclusive.is_none() && state.requesters == 0 {
            // The first request closes the gate to attaching threads.
            record(Resource::Gate, Access::Write);
            record(Resource::Acquires(GATE), Access::Write);
        }
        state.attached -= 1;
        state.requesters += 1;
        // Sets the flag: two requests' settings commute (the same value to the same place).
        record(Resource::Stop, STOP_SET);
        self.stop_requested.store(true, SeqCst);
        self.announce();
        self.changed.notify_all();
        if P::CONTROLLED {
            // Under a model checker the request and the taking are separate steps. Taking waits
            // for every attached thread to detach, so it comes after their detaching; the request
            // does not, and must stay free to land before any of their safepoint polls (where they
            // park). Natively nothing changes: the mutex stays held.
            drop(state);
            P::switch_point();
            state = self.state.lock();
        }
        while state.exclusive.is_some() {
            // Another thread holds exclusive mode: a failed attempt to take the EML exclusive.
            record(Resource::Waits(EML), Access::Read);
            state = self.wait(state);
            record(Resource::Exclusive, Access::Read);
        }
        record(Resource::Exclusive, Access::Write);
        record(Resource::Acquires(EML), Access::Write);
        state.exclusive = Some(me);
        state.exclusive_depth = 1;
        state.requesters -= 1;
        record(Resource::Attached, Access::Read);
        while state.attached > 0 {
            // Waiting for the parked threads to detach: a failed attempt to take the EML exclusive,
            // which the detaching it waits for does not race with.
            record(Resource::Waits(EML), Access::Read);
            state = self.wait(state);
        }
        // The taking completes once no thread is attached: it reads the count the detaches
        // lowered. `Commute` marks a completion, not a new taking: it takes part in the lock
        // hand-over rule (after the detaches it waited for) but not in lock chains (the order of
        // takings is decided by who took ownership first, above).
        record(Resource::Attached, Access::Read);
        record(Resource::Acquires(EML), Access::Commute);
        record(Resource::Attached, Access::Commute);
        state.attached += 1;
    }

    /// Leaves one level of exclusive mode; at the outermost, lets parked threads resume.
    pub fn end_exclusive(&self, me: u32) {
        let mut state = self.state.lock();
        record(Resource::Exclusive, Access::Write);
        record(Resource::Releases(EML), Access::Write);
        debug_assert_eq!(state.exclusive, Some(me), "end_exclusive by a thread that does not hold it");
        state.exclusive_depth -= 1;
        if state.exclusive_depth > 0 {
            return;
        }
        state.exclusive = None;
        if state.requesters == 0 {
            // No other requester: the gate opens again.
            record(Resource::Gate, Access::Write);
            record(Resource::Releases(GATE), Access::Write);
            record(Resource::Stop, Access::Write);
            self.stop_requested.store(false, SeqCst);
        }
        self.announce();
        drop(state);
        self.changed.notify_all();
    }

    /// Turns the GIL on for the rest of the run. The caller must hold exclusive mode, so no other
    /// thread is attached when the rules change.
    pub fn enable_gil(&self) {
        let mut state = self.state.lock();
        record(Resource::Exclusive, Access::Write);
        record(Resource::Gate, Access::Write);
        state.gil = true;
        self.gil_on.store(true, SeqCst);
    }

    pub fn gil_enabled(&self) -> bool {
        let state = self.state.lock();
        record(Resource::Exclusive, Access::Read);
        record(Resource::Gate, Access::Read);
        state.gil
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::platform::Native;
    use std::mem::{offset_of, size_of};

    #[test]
    fn what_a_promotion_hands_over_shares_one_cache_line() {
        type Native64 = Coordinator<Native>;
        assert_eq!(std::mem::align_of::<Native64>(), 64);
        let ends = [
            offset_of!(Native64, state) + size_of::<Mutex<Native, State>>(),
            offset_of!(Native64, stop_requested) + size_of::<AtomicBool>(),
            offset_of!(Native64, changes) + size_of::<PlatformU64<Native>>(),
        ];
        assert!(ends.iter().all(|&end| end <= 64), "{ends:?}");
    }
}
