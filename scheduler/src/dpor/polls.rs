//! Attaches and polls that cannot matter, and the end of an exclusive section.
//!
//! Every safepoint poll reads the stop request ([`Resource::Stop`]) and every attach reads the
//! gate, so both race with every request of another thread: where a thread parks, and whether it
//! attaches before or after an exclusive section, is observable, and `dpor` explores each.
//!
//! **Inert attaches.** An attach's *hold* runs to the thread's next detach (a park, a request that
//! detaches the requester, its end). When no step of the hold conflicts with a step of another
//! thread that the schedule can move past it (program order, spawn and join fix the rest; a join
//! inside the hold fixes the joined thread's steps before what follows it), attaching before or
//! after another thread's exclusive section reaches the same state: the attach's gate read and
//! its takings are left out of the races. A failed attempt to attach keeps its read, so a thread
//! that found the gate closed still races with the request that closed it
//! ([`Mutant::AttachAlwaysInert`]; `suite/soundness/read_before_an_exclusive_call.py`). An attach
//! whose hold ends at the thread's own request is never inert: attaching before the other
//! section means requesting before it, and the two sections then run the other way round (a
//! thread coming back from `allow_threads` re-attaches and requests at once; the oracle found
//! the missed order, `suite/soundness/allow_threads_then_a_call.py`;
//! [`Mutant::AttachInertBeforeRequest`]).
//!
//! **The end of a section** clears the stop request, but no poll or request can run while the
//! section holds the EML: the clearing is co-enabled with none of them, and is left out
//! ([`Mutant::RequestStopCleared`] applies the rule to requests too).
//!
//! Under the GIL (an execution with a hand-over) nothing is left out.
//!
//! **Inert polls.** A poll's hold runs from the poll to the thread's next detach. The poll where
//! the thread parked is never inert: run before the request, it does not park at all, and the
//! thread's next steps run before the other thread's section (a `for` loop over a list that an
//! exclusive call changes, `suite/soundness/loop_parks_before_a_call.py`;
//! [`Mutant::ParkingPollInert`]). For another poll, when that detach
//! is a plain one (a park at a later poll, a block, the thread's end) and no step of the hold
//! conflicts with a step of another thread that the schedule can move past it, the poll is no
//! park point: its read of the stop request is left out. Parking there or at the end of the hold
//! differs only in whether the hold's steps run before or after the other thread's section, and
//! they commute with it and with everything that could run while the thread is parked; the thread
//! re-attaches after the section either way. When the hold ends at the thread's own *request*,
//! the poll stays: parking first delays the request until after the other section, and while the
//! gate is open in between, other threads may attach and see the state between the two sections,
//! which a thread that requested at once (and so kept the gate closed) never lets them see
//! ([`Mutant::PollInertBeforeRequest`]; `suite/soundness/exclusive_calls_then_reads.py`; since an
//! attach before its thread's request is never inert, the re-attach's races reach the same orders
//! and the oracle no longer tells the mutant apart, so the rule is kept as the safe side). Two
//! earlier forms of this rule were unsound for that reason: a hold up to the next poll (which ends
//! at the request when no poll comes between), and a hold that ended at the request. A third
//! failure was not the rule's: a GIL switch tick without the GIL, which parks nowhere, stood in
//! for the next poll (the tick now reads nothing without the GIL).

use super::races::HappensBefore;
use super::{Mutant, Step};
use emlab_vm::step::{Access, Footprint, Resource, EML, GATE};
use std::borrow::Cow;
use std::collections::HashMap;

/// The steps with inert polls' reads of the stop request, inert attaches' gate reads and takings,
/// and the sections' clearings of the stop request left out.
pub(super) fn without_inert_points(steps: &[Step], mutant: Option<Mutant>) -> Cow<'_, [Step]> {
    let is_poll = |s: &Step| s.footprint.accesses().iter().any(|&(r, a)| parks(r, a));
    // A GIL hand-over (a waiter's attempt writes the request and the attached count) is not an
    // exclusive section that ends: the waiter runs on until it is switched out in turn, and the
    // oracle found a missed outcome when this rule was applied to it (gil-on-import, seed 123).
    // Under the GIL every park point stays.
    let gil = |s: &Step| {
        let a = s.footprint.accesses();
        a.contains(&(Resource::Stop, Access::Write)) && a.contains(&(Resource::Attached, Access::Write))
    };
    // (An execution without a poll is left as it is too: nothing here was checked on one.)
    if !steps.iter().any(is_poll) || steps.iter().any(gil) {
        return Cow::Borrowed(steps);
    }
    let sync = HappensBefore::synchronization_only(steps);
    let threads = sync.threads();

    // Who touched what, to find a segment's conflicts without scanning the whole execution.
    let mut by_resource: HashMap<Resource, Vec<(usize, Access)>> = HashMap::new();
    let mut world: Vec<usize> = Vec::new();
    let mut stateful: Vec<usize> = Vec::new();
    for (k, step) in steps.iter().enumerate() {
        for &(r, a) in step.footprint.accesses() {
            by_resource.entry(r).or_default().push((k, a));
        }
        if step.footprint.touches_world() {
            world.push(k);
        }
        if step.footprint.touches_state() {
            stateful.push(k);
        }
    }
    // Whether step `k` is one that the segment of thread `t` from step `i` to step `end` may
    // conflict with: another thread's, and not before the segment or after it in every schedule.
    let counts = |k: usize, t: usize, (i, end): (usize, usize)| {
        let other = steps[k].thread;
        other != t && !sync.before(k, i, steps) && !sync.before(end, k, steps)
    };
    let conflicts = |segment: &Footprint, t: usize, span: (usize, usize)| {
        if segment.touches_world() {
            return stateful.iter().any(|&k| counts(k, t, span));
        }
        if segment.touches_state() && world.iter().any(|&k| counts(k, t, span)) {
            return true;
        }
        segment.accesses().iter().any(|&(r, a)| {
            by_resource
                .get(&r)
                .is_some_and(|list| list.iter().any(|&(k, b)| counts(k, t, span) && conflicting(r, a, b)))
        })
    };

    // Whether the thread's steps `span` (ending at step `end`) conflict with no other thread's step
    // that the schedule can move past them, leaving out the accesses `own_parking` picks. Each
    // step counts the steps not ordered before it: a join inside the span orders the joined
    // thread's steps before what follows it, whatever the schedule.
    let quiet = |span: &[usize], end: usize, own_parking: &dyn Fn(Resource, Access) -> bool| {
        span.iter().all(|&j| {
            let mut footprint = Footprint::default();
            for &(r, a) in steps[j].footprint.accesses() {
                if !own_parking(r, a) {
                    footprint.add(r, a);
                }
            }
            !conflicts(&footprint, steps[j].thread, (j, end))
        })
    };
    let mut out: Vec<Step> = steps.to_vec();
    for t in 0..threads {
        let own: Vec<usize> = (0..steps.len()).filter(|&k| steps[k].thread == t).collect();
        for (n, &k) in own.iter().enumerate() {
            // (A poll reads the stop request, which no attach does: the two cases never overlap.)
            if is_poll(&steps[k]) {
                // Polls: the hold runs from the poll to the thread's next detach, which must be a
                // plain one (a park, a block, the end): when a request ends it, where the thread
                // parks changes when it requests, and with it who can attach in between.
                let Some(m) = own[n + 1..].iter().position(|&j| detaches(&steps[j].footprint)) else { continue };
                let end = own[n + 1 + m];
                let requests = steps[end].footprint.accesses().iter().any(|&(r, _)| r == Resource::Gate);
                if requests && mutant != Some(Mutant::PollInertBeforeRequest) {
                    continue;
                }
                // The poll that parked (no later poll before the detach, which is a park: the
                // thread then waits for the EML) stays: run before the request, it does not park at
                // all, and what the thread does next runs before the other thread's section.
                let later_poll = own[n + 1..n + 1 + m].iter().any(|&j| is_poll(&steps[j]));
                let waits_for_eml = own[n + 1 + m..]
                    .iter()
                    .take_while(|&&j| !is_attach(&steps[j].footprint))
                    .any(|&j| steps[j].footprint.accesses().iter().any(|&(r, _)| r == Resource::Waits(EML)));
                if !later_poll && waits_for_eml && mutant != Some(Mutant::ParkingPollInert) {
                    continue;
                }
                if quiet(&own[n..n + 1 + m], end, &parking) {
                    out[k].footprint = without(&out[k].footprint, parks);
                }
                continue;
            }
            if !is_attach(&steps[k].footprint) {
                continue;
            }
            // Attaches: the hold runs from the attach to the thread's next detach (a park, a
            // request that detaches the requester, the end), across the polls where it did not
            // park.
            // Up to the detach (its own accesses are the thread's parking), or to the end of an
            // execution cut short before one, every step included.
            let (span, end) = match own[n + 1..].iter().position(|&j| detaches(&steps[j].footprint)) {
                Some(m) => (&own[n..n + 1 + m], own[n + 1 + m]),
                None => (&own[n..], own[own.len() - 1]),
            };
            // A hold that ends at the thread's own request: attaching before another thread's
            // section means requesting before it too, which changes the order of the sections.
            let requests =
                steps[end].footprint.accesses().iter().any(|&(r, a)| r == Resource::Gate && a != Access::Read);
            if requests && mutant != Some(Mutant::AttachInertBeforeRequest) {
                continue;
            }
            let hold = quiet(span, end, &|r, a| parking(r, a) || attaching(r, a));
            if mutant == Some(Mutant::AttachAlwaysInert) || hold {
                out[k].footprint = without(&out[k].footprint, attaching);
            }
        }
    }
    // The end of an exclusive section clears the stop request, but no poll or request can run
    // while the section holds the EML: the clearing is co-enabled with none of them.
    let clears = |f: &Footprint| {
        f.accesses().contains(&(Resource::Releases(EML), Access::Write))
            || (mutant == Some(Mutant::RequestStopCleared) && f.acquisition(GATE) == Some(Access::Write))
    };
    for step in out.iter_mut() {
        if clears(&step.footprint) {
            step.footprint = without(&step.footprint, sets_stop);
        }
    }
    Cow::Owned(out)
}

/// A write of the stop request (a setting, a clearing, a GIL waiter's).
fn sets_stop(r: Resource, a: Access) -> bool {
    r == Resource::Stop && a != Access::Read
}

/// `footprint` less the accesses `drop` picks.
fn without(footprint: &Footprint, drop: fn(Resource, Access) -> bool) -> Footprint {
    let mut out = Footprint::default();
    for &(r, a) in footprint.accesses() {
        if !drop(r, a) {
            out.add(r, a);
        }
    }
    out
}

/// An attach: it reads the gate and takes the EML shared, and requests nothing.
fn is_attach(f: &Footprint) -> bool {
    let a = f.accesses();
    a.contains(&(Resource::Gate, Access::Read))
        && f.acquisition(EML) == Some(Access::Read)
        && !a.iter().any(|&(r, _)| r == Resource::Stop)
}

/// A step that leaves the attached state: it lowers the attached count (a detach, or a request
/// that detaches its requester while it waits).
fn detaches(f: &Footprint) -> bool {
    f.accesses().contains(&(Resource::Attached, Access::Commute))
}

/// What an inert attach no longer takes part in: its read of the gate and its takings of the
/// EML and the gate.
fn attaching(r: Resource, a: Access) -> bool {
    matches!(r, Resource::Gate | Resource::Acquires(EML) | Resource::Acquires(GATE)) && a != Access::Write
}

/// The read that makes a step a park point: a poll of the stop request. (An attach is a park
/// point too, but its read of the gate also orders it after the exclusive section it waits out,
/// and the reversals of later races go through that order: it always stays.)
fn parks(r: Resource, a: Access) -> bool {
    (r, a) == (Resource::Stop, Access::Read)
}

/// A thread's own parking: its polls, and the detach and attach around a park.
fn parking(r: Resource, a: Access) -> bool {
    matches!(
        (r, a),
        (Resource::Stop, Access::Read) | (Resource::Attached, Access::Commute) | (Resource::Gate, Access::Read)
    )
}

/// Whether accesses `a` and `b` of resource `r` conflict (locks' bookkeeping entries do not).
fn conflicting(r: Resource, a: Access, b: Access) -> bool {
    let mut x = Footprint::default();
    x.add(r, a);
    let mut y = Footprint::default();
    y.add(r, b);
    x.conflicts_with(&y)
}
