//! From trace events to swimlane steps: the one place that reads what events mean for the picture.
//!
//! [`step`] is the adapter: it takes one [`TraceEvent`] and, from its typed [`EventKind`], says
//! what it means for the picture (an EML transition, a lock taken or released, a park, a
//! collection, the objects it touched). Everything else in [`crate::html`] reads [`Step`]s only.

use emlab_scheduler::TraceEvent;
use emlab_vm::trace::{EventKind, Exclusion};

/// Where a thread stands with the EML (or, outside `eml` mode, with the core).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EmlState {
    /// Running core code, holding the EML shared.
    Shared,
    /// Asked for exclusive mode, waiting for the others to park.
    Promoting,
    /// Inside a non-free-threaded extension call with every other thread stopped.
    Exclusive,
    /// Inside `allow_threads`: the extension let go of the EML.
    Released,
    /// Parked at a safepoint because another thread asked for exclusive mode.
    Parked,
    /// Blocked on a lock or a join.
    Blocked,
}

impl EmlState {
    /// The CSS class and legend name.
    pub fn name(self) -> &'static str {
        match self {
            EmlState::Shared => "shared",
            EmlState::Promoting => "promoting",
            EmlState::Exclusive => "exclusive",
            EmlState::Released => "released",
            EmlState::Parked => "parked",
            EmlState::Blocked => "blocked",
        }
    }

    pub const ALL: [EmlState; 6] = [
        EmlState::Shared,
        EmlState::Promoting,
        EmlState::Exclusive,
        EmlState::Released,
        EmlState::Parked,
        EmlState::Blocked,
    ];
}

/// What an event does to the picture besides being drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Effect {
    /// The thread's EML state changes to this one.
    Eml(EmlState),
    /// Back to the state before the last `Released`/`Parked`/`Blocked`.
    Resume,
    LockAcquired(u32),
    LockReleased(u32),
    /// A stop-the-world collection starts or ends.
    GcStart,
    GcEnd,
    /// A `join` returned (ending a block in it, if there was one).
    Joined,
    /// The thread ended.
    End,
    None,
}

/// One event, as the swimlanes draw it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Step {
    pub thread: u32,
    /// Source line; 0 when the thread has no frame (its start and end).
    pub line: u32,
    /// The event's text, as the trace renders it (for display only).
    pub what: String,
    pub note: String,
    pub effect: Effect,
    /// The objects the event names (`#3`), in order, without repeats.
    pub objects: Vec<u32>,
}

/// The adapter from a trace event to a step.
pub fn step(e: &TraceEvent) -> Step {
    let effect = match &e.kind {
        EventKind::Call { exclusion: Exclusion::Promote, .. } => Effect::Eml(EmlState::Promoting),
        EventKind::Enter { .. } | EventKind::BackIn { promote_again: true, .. } => Effect::Eml(EmlState::Exclusive),
        EventKind::Return { demote: true, .. } | EventKind::Callback { demote: true, .. } | EventKind::DemoteEarly => {
            Effect::Eml(EmlState::Shared)
        }
        EventKind::ReleaseEml => Effect::Eml(EmlState::Released),
        EventKind::ReacquireEml | EventKind::Unpark => Effect::Resume,
        EventKind::Park => Effect::Eml(EmlState::Parked),
        EventKind::BlockLock { .. } | EventKind::BlockJoin { .. } => Effect::Eml(EmlState::Blocked),
        EventKind::Acquire { lock, .. } => Effect::LockAcquired(*lock),
        EventKind::Release { lock } => Effect::LockReleased(*lock),
        EventKind::GcStart => Effect::GcStart,
        EventKind::GcDone { .. } => Effect::GcEnd,
        EventKind::Joined { .. } => Effect::Joined,
        EventKind::End { .. } | EventKind::EndWith { .. } => Effect::End,
        _ => Effect::None,
    };
    Step { thread: e.thread, line: e.line, what: e.kind.what(), note: e.kind.note(), effect, objects: e.kind.objects() }
}

/// The step where `violation` happens (see [`emlab_scheduler::collect::violation_place`]).
pub fn violation_step(steps: &[Step], violation: &emlab_vm::Violation) -> Option<usize> {
    let places: Vec<emlab_scheduler::collect::Place<'_>> = steps
        .iter()
        .map(|s| emlab_scheduler::collect::Place { thread: s.thread, line: s.line, objects: &s.objects })
        .collect();
    emlab_scheduler::collect::violation_place(&places, violation)
}

/// A span of rows `[from, to)` in one lane.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Span<T> {
    pub thread: u32,
    pub from: usize,
    pub to: usize,
    pub what: T,
}

/// The spans the steps imply: each thread's EML state over time, lock holds, collections.
#[derive(Debug, Default)]
pub struct Spans {
    pub eml: Vec<Span<EmlState>>,
    pub locks: Vec<Span<u32>>,
    /// Collections: (from row, to row, the thread that collected).
    pub gc: Vec<Span<()>>,
    /// The row of each thread's first and last step.
    pub lifetimes: Vec<Span<()>>,
}

/// Works out the spans of `steps`; spans still open at the end close at `steps.len()`.
pub fn spans(steps: &[Step]) -> Spans {
    let threads = steps.iter().map(|s| s.thread + 1).max().unwrap_or(0) as usize;
    let mut spans = Spans::default();
    // Per thread: the current state, when it began, and the states to resume.
    let mut state: Vec<Option<(EmlState, usize)>> = vec![None; threads];
    let mut resume: Vec<Vec<EmlState>> = vec![Vec::new(); threads];
    let mut held: Vec<(u32, u32, usize)> = Vec::new();
    let mut gc: Option<(u32, usize)> = None;
    let mut first: Vec<Option<usize>> = vec![None; threads];
    let mut last: Vec<usize> = vec![0; threads];
    let mut ended = vec![false; threads];
    for (row, s) in steps.iter().enumerate() {
        let t = s.thread as usize;
        first[t].get_or_insert(row);
        last[t] = row;
        if state[t].is_none() {
            state[t] = Some((EmlState::Shared, row));
        }
        let change = |to: EmlState, spans: &mut Spans, state: &mut Vec<Option<(EmlState, usize)>>| {
            if let Some((from_state, since)) = state[t] {
                if from_state != to {
                    if since < row {
                        spans.eml.push(Span { thread: s.thread, from: since, to: row, what: from_state });
                    }
                    state[t] = Some((to, row));
                }
            }
        };
        match s.effect {
            Effect::Eml(to) => {
                let current = state[t].map(|(st, _)| st).unwrap_or(EmlState::Shared);
                if matches!(to, EmlState::Released | EmlState::Parked | EmlState::Blocked) {
                    resume[t].push(current);
                }
                change(to, &mut spans, &mut state);
            }
            Effect::Resume => {
                let to = resume[t].pop().unwrap_or(EmlState::Shared);
                change(to, &mut spans, &mut state);
            }
            Effect::LockAcquired(lock) => {
                // An acquire after blocking ends the block.
                if state[t].is_some_and(|(st, _)| st == EmlState::Blocked) {
                    let to = resume[t].pop().unwrap_or(EmlState::Shared);
                    change(to, &mut spans, &mut state);
                }
                held.push((s.thread, lock, row));
            }
            Effect::LockReleased(lock) => {
                if let Some(at) = held.iter().position(|&(th, l, _)| l == lock && th == s.thread) {
                    let (thread, lock, from) = held.remove(at);
                    spans.locks.push(Span { thread, from, to: row + 1, what: lock });
                }
            }
            Effect::GcStart => gc = Some((s.thread, row)),
            Effect::GcEnd => {
                if let Some((thread, from)) = gc.take() {
                    spans.gc.push(Span { thread, from, to: row + 1, what: () });
                }
            }
            Effect::End => ended[t] = true,
            Effect::Joined => {
                // A join that returns after blocking ends the block.
                if state[t].is_some_and(|(st, _)| st == EmlState::Blocked) {
                    let to = resume[t].pop().unwrap_or(EmlState::Shared);
                    change(to, &mut spans, &mut state);
                }
            }
            Effect::None => {}
        }
    }
    let end = steps.len();
    for (t, st) in state.iter().enumerate() {
        if let Some((what, since)) = st {
            let to = if ended[t] { last[t] + 1 } else { end };
            spans.eml.push(Span { thread: t as u32, from: *since, to: to.max(*since + 1), what: *what });
        }
        if let Some(from) = first[t] {
            let to = if ended[t] { last[t] + 1 } else { end };
            spans.lifetimes.push(Span { thread: t as u32, from, to, what: () });
        }
    }
    for (thread, lock, from) in held {
        spans.locks.push(Span { thread, from, to: end, what: lock });
    }
    if let Some((thread, from)) = gc {
        spans.gc.push(Span { thread, from, to: end, what: () });
    }
    spans.eml.sort_by_key(|s| (s.thread, s.from));
    spans
}

#[cfg(test)]
mod tests {
    use super::*;
    use emlab_vm::trace::{Brief, ExtOp};
    use EventKind::*;

    fn event(thread: u32, kind: EventKind) -> TraceEvent {
        TraceEvent { thread, line: 3, kind }
    }

    fn none() -> Brief {
        Brief::plain("None")
    }

    fn bank() -> String {
        "bank.transfer".into()
    }

    #[test]
    fn the_adapter_reads_the_event_kinds() {
        let effect = |kind: EventKind| step(&event(0, kind)).effect;
        assert_eq!(effect(Call { function: bank(), exclusion: Exclusion::Promote }), Effect::Eml(EmlState::Promoting));
        assert_eq!(effect(Call { function: bank(), exclusion: Exclusion::None }), Effect::None);
        assert_eq!(effect(Enter { function: bank() }), Effect::Eml(EmlState::Exclusive));
        assert_eq!(
            effect(Return { function: bank(), result: Ok(none()), demote: true }),
            Effect::Eml(EmlState::Shared)
        );
        assert_eq!(effect(Return { function: bank(), result: Ok(none()), demote: false }), Effect::None);
        assert_eq!(effect(Callback { function: none(), demote: true }), Effect::Eml(EmlState::Shared));
        assert_eq!(effect(BackIn { module: "bank".into(), promote_again: true }), Effect::Eml(EmlState::Exclusive));
        assert_eq!(effect(DemoteEarly), Effect::Eml(EmlState::Shared));
        assert_eq!(effect(ReleaseEml), Effect::Eml(EmlState::Released));
        assert_eq!(effect(ReacquireEml), Effect::Resume);
        assert_eq!(effect(Park), Effect::Eml(EmlState::Parked));
        assert_eq!(effect(Unpark), Effect::Resume);
        assert_eq!(effect(BlockLock { lock: 4 }), Effect::Eml(EmlState::Blocked));
        assert_eq!(effect(BlockJoin { thread: 1 }), Effect::Eml(EmlState::Blocked));
        assert_eq!(effect(Acquire { lock: 4, after_waiting: true }), Effect::LockAcquired(4));
        assert_eq!(effect(Release { lock: 4 }), Effect::LockReleased(4));
        assert_eq!(effect(GcStart), Effect::GcStart);
        assert_eq!(effect(GcDone { live: 3, freed: 1 }), Effect::GcEnd);
        assert_eq!(effect(Joined { thread: 1, result: none() }), Effect::Joined);
        assert_eq!(effect(End { result: none() }), Effect::End);
        assert_eq!(effect(EndWith { error: emlab_vm::ErrorKind::UseAfterFree, message: String::new() }), Effect::End);
        assert_eq!(effect(Load { global: 0, name: "x".into(), value: Brief::plain("3") }), Effect::None);
        let set = step(&event(0, Ext(ExtOp::ListSet { list: 1, index: 0, value: Brief::plain("1") })));
        assert_eq!((set.what.as_str(), set.objects), ("ext list_set list #1[0] = 1", vec![1]));
        let store = Store { global: 1, name: "d".into(), value: Brief { text: "dict #12".into(), object: Some(12) } };
        assert_eq!(step(&event(0, store)).objects, vec![12]);
        // The text is for display: a print that reads like another event means nothing more.
        let print = step(&event(0, Print { text: "block on lock #4".into() }));
        assert_eq!((print.effect, print.objects), (Effect::None, vec![]));
    }

    #[test]
    fn the_violation_is_marked_where_it_happens() {
        let load = |name: &str, text: &str, object| Load {
            global: 0,
            name: name.into(),
            value: Brief { text: text.into(), object },
        };
        let steps: Vec<Step> = [
            event(0, load("print", "builtin print", None)),
            event(0, load("v", "#2 (freed)", Some(2))),
            event(1, load("c", "list #1", Some(1))),
            event(0, EndWith { error: emlab_vm::ErrorKind::UseAfterFree, message: String::new() }),
        ]
        .iter()
        .map(step)
        .collect();
        let v = |thread, message: &str| emlab_vm::Violation {
            kind: emlab_vm::ViolationKind::UseAfterFree,
            message: message.into(),
            thread,
        };
        assert_eq!(violation_step(&steps, &v(Some(0), "object #2 was reclaimed (line 3)")), Some(1));
        assert_eq!(violation_step(&steps, &v(Some(1), "t1 ran a core step (line 3) while")), Some(2));
        assert_eq!(violation_step(&steps, &v(Some(0), "no line here")), Some(3));
        assert_eq!(violation_step(&steps, &v(None, "deadlock")), None);
    }

    #[test]
    fn spans_follow_each_thread() {
        let incr = || "counter.incr".to_string();
        let steps: Vec<Step> = [
            event(0, Start { entry: Brief::plain("<module>") }),
            event(0, Call { function: incr(), exclusion: Exclusion::Promote }),
            event(1, Park),
            event(0, Enter { function: incr() }),
            event(0, Return { function: incr(), result: Ok(none()), demote: true }),
            event(1, Unpark),
            event(1, Acquire { lock: 2, after_waiting: false }),
            event(1, Release { lock: 2 }),
            event(1, End { result: none() }),
        ]
        .iter()
        .map(step)
        .collect();
        let spans = spans(&steps);
        let of =
            |t: u32| spans.eml.iter().filter(|s| s.thread == t).map(|s| (s.what, s.from, s.to)).collect::<Vec<_>>();
        assert_eq!(
            of(0),
            [
                (EmlState::Shared, 0, 1),
                (EmlState::Promoting, 1, 3),
                (EmlState::Exclusive, 3, 4),
                (EmlState::Shared, 4, 9)
            ]
        );
        assert_eq!(of(1), [(EmlState::Parked, 2, 5), (EmlState::Shared, 5, 9)]);
        assert_eq!(spans.locks, [Span { thread: 1, from: 6, to: 8, what: 2 }]);
    }
}
