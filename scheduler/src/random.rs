//! `random`: shuttle's uniformly random scheduler.

use crate::explorer::{Budget, Exploration, Explorer, SchedulerKind, Stop};
use crate::shuttle_run::explore_with_shuttle;
use crate::target::Target;
use shuttle::scheduler::{RandomScheduler, Schedule, Scheduler, Task, TaskId};

/// At each scheduling point, run a runnable thread chosen uniformly at random.
pub struct RandomExplorer;

impl Explorer for RandomExplorer {
    fn kind(&self) -> SchedulerKind {
        SchedulerKind::Random
    }

    fn default_iterations(&self) -> usize {
        1000
    }

    fn explore(&self, target: &Target, budget: &Budget, stop: &Stop, progress: &(dyn Fn(usize) + Sync)) -> Exploration {
        explore_with_shuttle(target, budget, stop, progress, |seed, iterations| {
            Quiet(RandomScheduler::new_from_seed(seed, iterations))
        })
    }
}

/// shuttle's `RandomScheduler` prints "failing seed" with instructions for shuttle's own test
/// harness when it is dropped before its iterations run out; emlab stops early on purpose and
/// prints its own replay command, so this wrapper uses up the remaining (cheap) seeds first.
struct Quiet(RandomScheduler);

impl Scheduler for Quiet {
    fn new_execution(&mut self) -> Option<Schedule> {
        self.0.new_execution()
    }

    fn next_task(&mut self, runnable: &[&Task], current: Option<TaskId>, is_yielding: bool) -> Option<TaskId> {
        self.0.next_task(runnable, current, is_yielding)
    }

    fn next_u64(&mut self) -> u64 {
        self.0.next_u64()
    }
}

impl Drop for Quiet {
    fn drop(&mut self) {
        while self.0.new_execution().is_some() {}
    }
}
