//! A shuttle scheduler that follows a given list of decisions, then a fixed policy.
//!
//! It is how `emlab replay` reruns a schedule exactly, and how minimization tries a
//! shorter one: after the given decisions run out (or stop fitting), it keeps the
//! current thread running while it can (unless it yields) and otherwise picks the
//! lowest-numbered one, so it never adds a preemption of its own. It can also follow another
//! run's order of trace events, which is how a loom failure becomes a shuttle schedule.

use shuttle::scheduler::{Schedule, Scheduler, Task, TaskId};
use std::cell::Cell;
use std::rc::Rc;

/// What a guided run follows before the no-preemption policy takes over.
enum Plan {
    /// One thread per scheduling point, as a schedule lists them.
    Decisions(Vec<usize>),
    /// Another run's order of trace events (a loom run's, whose schedule is a path through loom's
    /// own search and means nothing to shuttle): at each scheduling point, the thread whose event
    /// comes next, while the events this run emitted so far match that order.
    Events(Vec<u32>),
}

/// Follows its plan, then the no-preemption policy.
pub struct GuidedScheduler {
    plan: Plan,
    position: usize,
    started: bool,
    /// The first step whose decision named a thread that could not run, if any.
    diverged_at: Rc<Cell<Option<usize>>>,
}

impl GuidedScheduler {
    pub fn new(decisions: Vec<usize>) -> (GuidedScheduler, Rc<Cell<Option<usize>>>) {
        GuidedScheduler::with_plan(Plan::Decisions(decisions))
    }

    fn with_plan(plan: Plan) -> (GuidedScheduler, Rc<Cell<Option<usize>>>) {
        let diverged_at = Rc::new(Cell::new(None));
        (GuidedScheduler { plan, position: 0, started: false, diverged_at: diverged_at.clone() }, diverged_at)
    }

    /// The thread the plan names for scheduling point `step`, if it still names one.
    fn wanted(&self, step: usize) -> Option<usize> {
        match &self.plan {
            Plan::Decisions(decisions) => decisions.get(step).copied(),
            Plan::Events(order) => emlab_vm::trace::peek(|events| {
                let on_course = events.len() <= order.len() && events.iter().zip(order).all(|(e, &t)| e.thread == t);
                on_course.then(|| order.get(events.len()).map(|&t| t as usize)).flatten()
            }),
        }
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
        if let Some(want) = self.wanted(step) {
            if let Some(task) = runnable.iter().find(|t| usize::from(t.id()) == want) {
                return Some(task.id());
            }
            // (Following events, the wanted thread may just not be runnable yet: no divergence.)
            if matches!(self.plan, Plan::Decisions(_)) && self.diverged_at.get().is_none() {
                self.diverged_at.set(Some(step));
            }
        }
        no_preemption(runnable, current, is_yielding)
    }

    fn next_u64(&mut self) -> u64 {
        0
    }
}

/// The policy after the plan: the current thread goes on while it can, else the lowest
/// numbered one. A thread that yields (a spin loop's back-edge) lets the others go first, so the
/// policy never starves a thread behind a spinning one.
fn no_preemption(runnable: &[&Task], current: Option<TaskId>, is_yielding: bool) -> Option<TaskId> {
    if let Some(current) = current.filter(|c| !is_yielding && runnable.iter().any(|t| t.id() == *c)) {
        return Some(current);
    }
    let others = runnable.iter().map(|t| t.id()).filter(|id| Some(*id) != current || runnable.len() == 1);
    others.min_by_key(|id| usize::from(*id))
}

/// Runs `target` under shuttle following the order of `events` (see [`Plan::Events`]); the run it
/// makes is a shuttle schedule like any other, which minimization can shrink.
pub(crate) fn run_following(target: &crate::target::Target, events: &[crate::TraceEvent]) -> crate::target::RunReport {
    let (scheduler, _) = GuidedScheduler::with_plan(Plan::Events(events.iter().map(|e| e.thread).collect()));
    crate::shuttle_run::run_one(target, &std::rc::Rc::new(std::cell::RefCell::new(scheduler)))
        .expect("a following scheduler runs once")
}

/// Runs `decisions` as far as they fit, then the no-preemption policy (for minimization).
pub(crate) fn run_guided(target: &crate::target::Target, decisions: Vec<usize>) -> crate::target::RunReport {
    let (scheduler, _) = GuidedScheduler::new(decisions);
    crate::shuttle_run::run_one(target, &std::rc::Rc::new(std::cell::RefCell::new(scheduler)))
        .expect("a guided scheduler runs once")
}
