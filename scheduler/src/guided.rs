//! A shuttle scheduler that follows a given list of decisions, then a fixed policy.
//!
//! It is how `emlab replay` reruns a schedule exactly, and how minimization tries a
//! shorter one: after the given decisions run out (or stop fitting), it keeps the
//! current thread running while it can (unless it yields) and otherwise picks the
//! lowest-numbered one, so it never adds a preemption of its own.

use shuttle::scheduler::{Schedule, Scheduler, Task, TaskId};
use std::cell::Cell;
use std::rc::Rc;

/// Follows `decisions`, then the no-preemption policy.
pub struct GuidedScheduler {
    decisions: Vec<usize>,
    position: usize,
    started: bool,
    /// The first step whose decision named a thread that could not run, if any.
    diverged_at: Rc<Cell<Option<usize>>>,
}

impl GuidedScheduler {
    pub fn new(decisions: Vec<usize>) -> (GuidedScheduler, Rc<Cell<Option<usize>>>) {
        let diverged_at = Rc::new(Cell::new(None));
        (GuidedScheduler { decisions, position: 0, started: false, diverged_at: diverged_at.clone() }, diverged_at)
    }
}

impl Scheduler for GuidedScheduler {
    fn new_execution(&mut self) -> Option<Schedule> {
        if std::mem::replace(&mut self.started, true) {
            return None;
        }
        Some(Schedule::new(0))
    }

    fn next_task(&mut self, runnable: &[&Task], current: Option<TaskId>, is_yielding: bool) -> Option<TaskId> {
        let step = self.position;
        self.position += 1;
        if let Some(&want) = self.decisions.get(step) {
            if let Some(task) = runnable.iter().find(|t| usize::from(t.id()) == want) {
                return Some(task.id());
            }
            if self.diverged_at.get().is_none() {
                self.diverged_at.set(Some(step));
            }
        }
        no_preemption(runnable, current, is_yielding)
    }

    fn next_u64(&mut self) -> u64 {
        0
    }
}

/// The policy after the decisions: the current thread goes on while it can, else the lowest
/// numbered one. A thread that yields (a spin loop's back-edge) lets the others go first, so the
/// policy never starves a thread behind a spinning one.
fn no_preemption(runnable: &[&Task], current: Option<TaskId>, is_yielding: bool) -> Option<TaskId> {
    if let Some(current) = current.filter(|c| !is_yielding && runnable.iter().any(|t| t.id() == *c)) {
        return Some(current);
    }
    let others = runnable.iter().map(|t| t.id()).filter(|id| Some(*id) != current || runnable.len() == 1);
    others.min_by_key(|id| usize::from(*id))
}

/// Follows another run's order of trace events (a loom run's, whose schedule is a path through
/// loom's own search and means nothing to shuttle): at each scheduling point it runs the thread
/// whose event comes next in that order, while the events this run emitted so far match it; then
/// the no-preemption policy. The run it makes is a shuttle schedule like any other, which
/// minimization can shrink.
pub struct FollowScheduler {
    order: Vec<u32>,
    started: bool,
}

impl Scheduler for FollowScheduler {
    fn new_execution(&mut self) -> Option<Schedule> {
        if std::mem::replace(&mut self.started, true) {
            return None;
        }
        Some(Schedule::new(0))
    }

    fn next_task(&mut self, runnable: &[&Task], current: Option<TaskId>, is_yielding: bool) -> Option<TaskId> {
        let order = &self.order;
        let next = emlab_vm::trace::peek(|events| {
            let on_course = events.len() <= order.len() && events.iter().zip(order).all(|(e, &t)| e.thread == t);
            on_course.then(|| order.get(events.len()).copied()).flatten()
        });
        if let Some(task) = next.and_then(|want| runnable.iter().find(|t| usize::from(t.id()) == want as usize)) {
            return Some(task.id());
        }
        no_preemption(runnable, current, is_yielding)
    }

    fn next_u64(&mut self) -> u64 {
        0
    }
}

/// Runs `target` under shuttle following the order of `events` (see [`FollowScheduler`]).
pub(crate) fn run_following(target: &crate::target::Target, events: &[crate::TraceEvent]) -> crate::target::RunReport {
    let scheduler = FollowScheduler { order: events.iter().map(|e| e.thread).collect(), started: false };
    crate::shuttle_run::run_one(target, &std::rc::Rc::new(std::cell::RefCell::new(scheduler)))
        .expect("a following scheduler runs once")
}

/// Runs `decisions` as far as they fit, then the no-preemption policy (for minimization).
pub(crate) fn run_guided(target: &crate::target::Target, decisions: Vec<usize>) -> crate::target::RunReport {
    let (scheduler, _) = GuidedScheduler::new(decisions);
    crate::shuttle_run::run_one(target, &std::rc::Rc::new(std::cell::RefCell::new(scheduler)))
        .expect("a guided scheduler runs once")
}
