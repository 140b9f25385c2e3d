//! Races: happens-before over one execution's steps, and which dependent pairs are races that a
//! reversal can change.
//!
//! Every rule that says two steps "do not race", "commute" or "are ordered" is argued here, in
//! one table, with the mutant ([`super::Mutant`]) that breaks it and that the soundness oracle
//! catches (`tests/soundness.rs`), or why it has none.
//!
//! | rule | claim | why it holds | mutant the oracle catches |
//! | --- | --- | --- | --- |
//! | program order | a thread's steps happen in order | one thread runs its steps in sequence | — |
//! | spawn | a spawn happens before the child's first step | the child does not exist before | — |
//! | join | a `join` that finds its thread ended reads the thread's `Ended`, which the end step writes: dependent, and a race, not an ordering (only the VM's wait for every thread at the end of a run, which really waits for the last step, is ordered after it) | run before the end, the same join blocks first: its core step lands wherever the joined thread is then, which the atomicity monitor sees | `JoinOrdersAfterEnd` |
//! | dependence | steps that touch one resource, one of them writing, happen in the order run | reordering them can change what either sees | `ObjectWritesCommute` |
//! | reads commute | two reads of one resource are independent | neither changes what the other sees | — |
//! | stores | two stores of one value to one place (a list's item, a global) commute with each other, not with reads or other stores | either order leaves the same state, and a store reads nothing of the object but its length, which no store changes | `StoresCommute` |
//! | `Commute` accesses | two counter bumps (allocation, attach counts, pins) are independent of each other, not of reads | the final count is the same either way | — |
//! | module state | an extension's private state is a resource like an object | a call sees what the last call left | none: every extension call also writes the atomicity monitor's record, which orders two calls already, so the mutant is equivalent today |
//! | a collection | touches the world: dependent with every step that touches state, a thread's first step included | it reads every root and frees any object | none: its exclusive section (request, gate, polls) already orders it against every attached thread, so the mutant is equivalent today |
//! | safepoint polls | read the stop request (`Stop`), which a request (a store of `true`: two requests' settings commute) and the GIL's waiters write; a GIL switch tick reads it only while the GIL is on (without it the tick parks nowhere) | where a thread parks is observable | `PollNotRead` |
//! | inert polls | a safepoint poll whose hold (its steps up to the thread's next detach) ends in a plain detach (a park at a later poll, a block, the end; not a request) and conflicts with no step of another thread that the schedule can move past it is no park point: its read of the stop request is left out (`polls.rs`); never the poll where the thread parked, never under the GIL | parking there or at the hold's end differs only in when the hold's steps run, and they commute with the section and with whatever runs while the thread is parked; a request at the hold's end would be delayed by the park, letting others attach between two sections; the parking poll run before the request does not park at all, and the thread's next steps run before the section | `ParkingPollInert`; `PollInertBeforeRequest` is no longer caught since an attach before its thread's request stopped being inert (that attach's races reach the same orders: 300 generated programs and every scenario agree under the mutant), so it is out of the caught set, and the rule stays as the conservative choice |
//! | inert attaches | an attach whose hold (its steps up to its next detach) conflicts with no step of another thread that the schedule can move past it, and does not end at the thread's own request, takes no part in races (`polls.rs`); never under the GIL | attaching before or after another's exclusive section reaches the same state; a failed attempt keeps its read; a hold that ends at a request would move the request past the other section | `AttachAlwaysInert`, `AttachInertBeforeRequest` |
//! | a section's end clears the stop request | the clearing is no write that a poll or request races with | no thread is attached while the section holds the EML, so no poll or request is co-enabled with it | `RequestStopCleared` |
//! | failed attempts | a failed attempt to take a lock does not race with a release of that lock (its reads of the lock's state are exempt) | run the other way round, it fails again or succeeds as the thread's retry does; it changed nothing | none caught: the lock chain of the retry covers the wrong versions tried (exempting writes, or every step), so they are equivalent today |
//! | requests after a section | a request and the end of another thread's exclusive section before it are a hand-over, not a race | a request runs attached, and no thread is attached while the section holds the EML | none caught: the reversed request would block, so a wrong exemption costs runs, not outcomes |
//! | completions | the completion of an exclusive taking (the step after the wait for detaches) is a hand-over after the detaches it waited for, and no taking in a lock chain | the order of takings is decided when ownership is taken | — (its wrong version adds races) |
//! | requests | a request for exclusive mode is its own step and takes the gate | a request does not wait for anyone; it races with attaching | `RequestNotGate` |
//! | wake-ups | never order anything | a wake-up is a shared signal, not a cause | none: ordering by wake-ups was dropped, not kept |
//! | module locks | a module's own lock is a lock: a taking writes its state and acquires it, a failed attempt reads it and waits, a release writes it and releases it | what the lock guards is ordered by it | `ModuleLockNotLock` |
//! | lock hand-over | a release and another thread's taking of the lock (in a mode the release excluded) are not a race, unless they conflict elsewhere | the taking could not come first | none caught: the reversed taking would block, so a wrong exemption costs runs, not outcomes |
//! | lock chains | two acquisitions of one lock race even with the first holder's release between them | the release is what the second waited for | — (adds races) |
//! | sleep sets | a sleeping thread wakes when a step conflicts with its next step or makes it runnable | its branch is covered only while nothing it depends on changes | — (Source-DPOR's own) |
//! | spins | an iteration of a yielding loop that only read and left the thread as it was repeats a state: the run is cut there, and every other thread that could run where the iteration's first step ran is queued at that node | the state equals the one at the previous back-edge, so the cut run stands for the runs without the iteration, which start with another thread there | `SpinCutGivesNoWay` |
//! | fairness | a thread that yields at a loop's back-edge that repeats its state (a spin going round) while others can run is no branch there; a loop that makes progress (a `for` advancing its iterator) may go on | `complete` is over fair schedules (CHESS): a spinner keeping a runnable thread off forever is not a behaviour of the program, and going round again reaches a state already reached | `LoopsGiveWay` |

use super::Step;
use emlab_vm::step::{lock_state, Access, Footprint, Resource, EML, GATE};
use std::collections::HashMap;

/// The lock rule: when step `a` releases a lock that step `b` (of another thread) then takes in a
/// mode the release excluded, `b` could not have run before `a` — it would have found the lock
/// held and waited. Their accesses of the lock's own state make them dependent (so `a` happens
/// before `b`) without making them a reversible race. Returns that state; `None` when no lock
/// passes from `a` to `b`.
///
/// | released by `a` | taken by `b` | why `b` waits for `a` | lock state |
/// | --- | --- | --- | --- |
/// | a `Lock` object | the same `Lock` | it is held | the object |
/// | a module's own lock | the same module lock | it is held | `ModuleLock` |
/// | the EML, shared (detach) | the EML, exclusive | taking waits until no thread is attached | `Attached` |
/// | the EML, exclusive | the EML, exclusive | one exclusive holder at a time | `Exclusive` |
/// | the EML, exclusive | the EML, shared | an attach waits out exclusive mode | `Gate` |
/// | the EML, shared (detach, or a request giving up its hold) | the completion of an exclusive taking (`Commute`) | it waited for the last detach | `Attached` |
/// | the gate, with the end of an exclusive section | a request that closes the gate again | a request runs attached, and no thread is attached during the section | `Gate`, `Exclusive`, `Stop` |
/// | the gate (reopened) | the gate, either way | a closed gate stops attaching, and a request that finds it closed does not close it | `Gate` |
///
/// Shared after shared is not a hand-over: two attached threads do not exclude each other.
fn lock_handover(a: &Footprint, b: &Footprint) -> Option<Vec<Resource>> {
    let mut exempt = Vec::new();
    for lock in a.releases().filter(|&l| b.acquires().any(|m| m == l)) {
        let released_exclusive = a.accesses().contains(&(Resource::Releases(lock), Access::Write));
        let taken_exclusive = matches!(b.acquisition(lock), Some(Access::Write | Access::Commute));
        match lock {
            EML if released_exclusive && taken_exclusive => exempt.push(Resource::Exclusive),
            EML if released_exclusive => exempt.push(Resource::Gate),
            EML if taken_exclusive => exempt.push(Resource::Attached),
            EML => {}
            // A request runs attached, and no thread is attached while an exclusive section
            // holds the EML: a request after the section's end could not come before it.
            GATE if released_eml_exclusive(a) && b.acquisition(GATE) == Some(Access::Write) => {
                exempt.extend([Resource::Gate, Resource::Exclusive, Resource::Stop])
            }
            GATE => exempt.push(Resource::Gate),
            other => exempt.extend(lock_state(other)),
        }
    }
    (!exempt.is_empty()).then_some(exempt)
}

/// The wait rule: when step `a` is a failed attempt to take a lock (it read the lock's state,
/// found it held and waited) and step `b` of another thread releases that lock, the state `a`
/// only read is no reason for a race. Returns that state; `None` when `b` releases no lock `a`
/// waits for.
fn waits_for_release(a: &Footprint, b: &Footprint) -> Option<Vec<Resource>> {
    let mut exempt = Vec::new();
    for lock in a.waits().filter(|&l| b.releases().any(|m| m == l)) {
        let state: Vec<Resource> = match lock {
            EML | GATE => vec![Resource::Exclusive, Resource::Attached, Resource::Gate, Resource::Stop],
            other => lock_state(other).into_iter().collect(),
        };
        exempt.extend(state.into_iter().filter(|r| a.accesses().contains(&(*r, Access::Read))));
    }
    (!exempt.is_empty()).then_some(exempt)
}

/// Whether the step ends an exclusive section (releases the EML held exclusively).
fn released_eml_exclusive(f: &Footprint) -> bool {
    f.accesses().contains(&(Resource::Releases(EML), Access::Write))
}

/// Vector clocks over the steps of one execution: program order, the steps that make a thread
/// runnable, and dependence between footprints.
pub(super) struct HappensBefore {
    /// `clocks[j][t]`: how many of thread t's steps happen before or at step j.
    clocks: Vec<Vec<usize>>,
    /// Each step's position among its thread's steps (1-based).
    position: Vec<usize>,
    /// For each step, the earlier steps it directly conflicts with.
    pub(super) conflicts: Vec<Vec<usize>>,
    /// For each step, the steps it happens after for other reasons (program order, enabling).
    other_preds: Vec<Vec<usize>>,
}

impl HappensBefore {
    pub(super) fn compute(steps: &[Step]) -> HappensBefore {
        HappensBefore::with_dependence(steps, true)
    }

    /// The orderings no schedule changes: program order, a spawn before the child's first step,
    /// a thread's last step before the join that returns (no dependence between footprints).
    pub(super) fn synchronization_only(steps: &[Step]) -> HappensBefore {
        HappensBefore::with_dependence(steps, false)
    }

    /// The number of threads the clocks have.
    pub(super) fn threads(&self) -> usize {
        self.clocks.first().map_or(0, Vec::len)
    }

    fn with_dependence(steps: &[Step], dependence: bool) -> HappensBefore {
        let threads = steps.iter().map(|s| s.thread + 1).max().unwrap_or(0);
        let threads = threads.max(steps.iter().flat_map(|s| s.enables.iter().map(|t| t + 1)).max().unwrap_or(0));
        let mut clocks: Vec<Vec<usize>> = Vec::with_capacity(steps.len());
        let mut position = Vec::with_capacity(steps.len());
        let mut conflicts = Vec::with_capacity(steps.len());
        let mut other_preds = Vec::with_capacity(steps.len());
        let mut last_of_thread: Vec<Option<usize>> = vec![None; threads];
        let mut count_of_thread = vec![0usize; threads];
        // The step that spawned each thread: the first to make it runnable.
        let mut spawned_by: Vec<Option<usize>> = vec![None; threads];

        // The steps that touched each resource, and those that touched the world or any state:
        // the candidates a step can conflict with, so a long execution (a spin-wait) costs time
        // in proportion to its conflicts, not to the square of its length.
        let mut by_resource: HashMap<Resource, Vec<usize>> = HashMap::new();
        let mut world: Vec<usize> = Vec::new();
        let mut stateful: Vec<usize> = Vec::new();
        for (j, step) in steps.iter().enumerate() {
            let mut candidates: Vec<usize> = Vec::new();
            if !dependence {
                // Synchronization only: no step is a candidate.
            } else if step.footprint.touches_world() {
                candidates.extend(&stateful);
            } else if step.footprint.touches_state() {
                candidates.extend(&world);
            }
            for (r, _) in step.footprint.accesses().iter().filter(|_| dependence) {
                if let Some(list) = by_resource.get(r) {
                    candidates.extend(list);
                }
            }
            candidates.sort_unstable_by(|a, b| b.cmp(a));
            candidates.dedup();
            let preds: Vec<usize> =
                candidates.into_iter().filter(|&i| steps[i].footprint.conflicts_with(&step.footprint)).collect();
            for (r, _) in step.footprint.accesses() {
                by_resource.entry(*r).or_default().push(j);
            }
            if step.footprint.touches_world() {
                world.push(j);
            }
            if step.footprint.touches_state() {
                stateful.push(j);
            }
            // Program order, and a spawn before the child's first step. Waking a thread is no
            // ordering: what the woken step depends on (a lock's release) is in its footprint.
            let mut others: Vec<usize> = last_of_thread[step.thread].into_iter().collect();
            if count_of_thread[step.thread] == 0 {
                others.extend(spawned_by[step.thread]);
            }

            // A join comes after the joined thread's last step (the VM's wait at the end of a run,
            // and a program's `join` that found the thread ended: see `is_race` for its attempt).
            let joined = step.footprint.joined().chain(step.footprint.found_ended());
            others.extend(joined.filter_map(|t| last_of_thread.get(t as usize).copied().flatten()));
            let mut clock = vec![0usize; threads];
            for &p in preds.iter().chain(others.iter()) {
                for (c, &v) in clock.iter_mut().zip(&clocks[p]) {
                    *c = (*c).max(v);
                }
            }
            count_of_thread[step.thread] += 1;
            clock[step.thread] = count_of_thread[step.thread];
            position.push(count_of_thread[step.thread]);
            for &t in &step.enables {
                if count_of_thread[t] == 0 && spawned_by[t].is_none() {
                    spawned_by[t] = Some(j);
                }
            }
            last_of_thread[step.thread] = Some(j);
            clocks.push(clock);
            conflicts.push(preds);
            other_preds.push(others);
        }
        HappensBefore { clocks, position, conflicts, other_preds }
    }

    /// Whether step `i` happens before step `j`.
    pub(super) fn before(&self, i: usize, j: usize, steps: &[Step]) -> bool {
        i < j && self.clocks[j][steps[i].thread] >= self.position[i]
    }

    /// Whether conflicting steps `i < j` of different threads race: nothing else orders them.
    pub(super) fn is_race(&self, i: usize, j: usize, steps: &[Step]) -> bool {
        let t = steps[i].thread;
        let (a, b) = (&steps[i].footprint, &steps[j].footprint);
        // The orderings that `j`'s own join of `i`'s thread makes, which its attempt escapes.
        let mut join_orders: Vec<usize> = Vec::new();
        if b.found_ended().any(|n| n as usize == t) {
            // `j` is a join that found `i`'s thread ended: as a return, it comes after the thread's
            // last step; as an attempt (its core step, what it read before looking), it could have
            // run before, and blocked. So it races with the thread's steps it conflicts with
            // beyond the end itself, unless something else orders them.
            let ended = [Resource::Ended(t as u32)];
            if !a.conflicts_except_all(b, &ended) {
                return false;
            }
            join_orders.extend(self.other_preds[j].iter().filter(|&&k| steps[k].thread == t));
            join_orders.extend(
                self.conflicts[j]
                    .iter()
                    .filter(|&&k| steps[k].thread == t && !steps[k].footprint.conflicts_except_all(b, &ended)),
            );
        } else if self.other_preds[j].contains(&i) {
            // The program orders them: `i` spawned `j`'s thread, or `j` joined `i`'s.
            return false;
        }
        if let Some(exempt) = lock_handover(a, b) {
            if !a.conflicts_except_all(b, &exempt) {
                // A lock's release, then another thread taking it in a mode the release excluded:
                // the lock was held until the release, so the taking could not come first.
                return false;
            }
        }
        if let Some(exempt) = waits_for_release(a, b) {
            if !a.conflicts_except_all(b, &exempt) {
                // A failed attempt, then a release of the lock it waits for: run the other way
                // round, the attempt either fails again or succeeds, as the thread's retry after
                // the release does; the failed attempt changed nothing.
                return false;
            }
        }
        // Two acquisitions of one lock race even though the first holder's release comes between
        // them: that release is what the second waited for, not another ordering.
        let takings = |f: &'_ Footprint| {
            f.acquires().filter(|&l| f.acquisition(l) != Some(Access::Commute)).collect::<Vec<u32>>()
        };
        let (first, second) = (takings(a), takings(b));
        let lock_chain: Vec<u32> = first.into_iter().filter(|l| second.contains(l)).collect();
        let via_others = self.conflicts[j]
            .iter()
            .chain(self.other_preds[j].iter())
            .filter(|&&k| k != i && !join_orders.contains(&k))
            .filter(|&&k| {
                !(k > i && steps[k].thread == t && steps[k].footprint.releases().any(|l| lock_chain.contains(&l)))
            })
            .any(|&k| k == i || self.clocks[k][t] >= self.position[i]);
        !via_others
    }

    /// The threads that can start `notdep(i).j`: the steps after `i` that do not happen after
    /// it, then `j`, as Source-DPOR defines them.
    pub(super) fn initials(&self, i: usize, j: usize, steps: &[Step]) -> Vec<usize> {
        let mut firsts: Vec<usize> = Vec::new();
        let mut initials = Vec::new();
        let sequence = (i + 1..j).filter(|&k| !self.before(i, k, steps)).chain(std::iter::once(j));
        for k in sequence {
            let t = steps[k].thread;
            if firsts.iter().any(|&f| steps[f].thread == t) {
                continue;
            }
            if !firsts.iter().any(|&f| self.before(f, k, steps)) {
                initials.push(t);
            }
            firsts.push(k);
        }
        initials
    }
}
