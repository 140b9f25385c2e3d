//! `exhaustive`: every interleaving, with no reduction and no preemption bound — the reference
//! that `dpor` is checked against.
//!
//! A plain depth-first search over every scheduling decision of the VM under shuttle: at each
//! decision every runnable thread is a branch. It shares none of `dpor`'s assumptions — no
//! footprints, no dependence relation, no happens-before, no sleep sets, no spin detection —
//! with one exception that both share: a thread inside one of the platform's own critical sections
//! (the coordinator's mutex, the wake lock) runs on to its end, since every other access to the
//! state that mutex guards needs the mutex too. That is the step granularity of `dpor` as well.
//!
//! The number of interleavings grows exponentially, so this is for small programs only: the
//! soundness tests, the `soundness` fuzz target and `--scheduler exhaustive` on a scenario of a
//! few lines. A spin-wait has no end here (every schedule that keeps spinning is a schedule): it
//! runs into `--max-steps`, and the outcome is a `step-limit`. The search is `complete` when it
//! ran out of branches within its execution budget.

use crate::explorer::{Budget, Coverage, Exploration, Explorer, SchedulerKind, Stop};
use crate::shuttle_run::explore_with_shuttle;
use crate::target::Target;
use shuttle::scheduler::{Schedule, Scheduler, Task, TaskId};

/// Every interleaving of scheduling points, depth first, until the budget runs out.
#[derive(Debug, Default)]
pub struct ExhaustiveExplorer;

impl Explorer for ExhaustiveExplorer {
    fn kind(&self) -> SchedulerKind {
        SchedulerKind::Exhaustive
    }

    fn default_iterations(&self) -> usize {
        100_000
    }

    /// Sequential: one depth-first search.
    fn explore(&self, target: &Target, budget: &Budget, stop: &Stop, progress: &(dyn Fn(usize) + Sync)) -> Exploration {
        let sequential = Budget { jobs: 1, ..budget.clone() };
        let mut exploration = explore_with_shuttle(target, &sequential, stop, progress, |_, iterations| {
            ExhaustiveScheduler::new(iterations)
        });
        if exploration.first.is_none() {
            // The search stops short of its budget only when no branch is left.
            exploration.coverage = if exploration.schedules < budget.iterations {
                Coverage::Complete
            } else {
                Coverage::Executions(budget.iterations)
            };
        }
        exploration
    }
}

/// A depth-first search over every scheduling decision.
#[derive(Debug)]
pub struct ExhaustiveScheduler {
    max_executions: usize,
    executions: usize,
    /// The choices (indices into each decision's options) the next execution replays.
    prefix: Vec<usize>,
    /// The decisions of the execution running now: its options and the index chosen.
    trail: Vec<(Vec<usize>, usize)>,
    done: bool,
}

impl ExhaustiveScheduler {
    /// A search that offers at most `max_executions` executions.
    pub fn new(max_executions: usize) -> ExhaustiveScheduler {
        ExhaustiveScheduler { max_executions, executions: 0, prefix: Vec::new(), trail: Vec::new(), done: false }
    }

    /// Moves to the deepest decision with an option not yet tried.
    fn backtrack(&mut self) -> bool {
        while let Some((options, chosen)) = self.trail.pop() {
            if chosen + 1 < options.len() {
                self.prefix = self.trail.iter().map(|(_, c)| *c).collect();
                self.prefix.push(chosen + 1);
                return true;
            }
        }
        false
    }
}

impl Scheduler for ExhaustiveScheduler {
    fn new_execution(&mut self) -> Option<Schedule> {
        if self.done || (self.executions > 0 && !self.backtrack()) {
            self.done = true;
            return None;
        }
        if self.executions >= self.max_executions {
            return None;
        }
        self.executions += 1;
        self.trail.clear();
        emlab_vm::step::reset_locks();
        emlab_vm::step::take_switch_point();
        Some(Schedule::new(0))
    }

    fn next_task(&mut self, runnable: &[&Task], current: Option<TaskId>, is_yielding: bool) -> Option<TaskId> {
        let mut ids: Vec<usize> = runnable.iter().map(|t| usize::from(t.id())).collect();
        ids.sort_unstable();
        let current = current.map(usize::from).filter(|c| ids.contains(c));
        let boundary = emlab_vm::step::take_switch_point();
        if let Some(c) = current.filter(|&c| emlab_vm::step::holds_lock(c) || (!boundary && !is_yielding)) {
            // Inside a platform critical section, or between two of the VM's step boundaries:
            // not a decision.
            return Some(TaskId::from(c));
        }
        // The current thread first (schedules with few preemptions come first), a yielding one last.
        let options: Vec<usize> = match current {
            Some(me) if !is_yielding => std::iter::once(me).chain(ids.into_iter().filter(|&t| t != me)).collect(),
            Some(me) => ids.into_iter().filter(|&t| t != me).chain(std::iter::once(me)).collect(),
            None => ids,
        };
        let step = self.trail.len();
        let chosen = self.prefix.get(step).copied().filter(|&i| i < options.len()).unwrap_or(0);
        let task = *options.get(chosen)?;
        self.trail.push((options, chosen));
        Some(TaskId::from(task))
    }

    fn next_u64(&mut self) -> u64 {
        0
    }
}
