//! `dfs`: shuttle's exhaustive depth-first search, bounded by the iteration budget.
//!
//! DFS explores every schedule in order, so it does not split across jobs.

use crate::explorer::{explore_with_shuttle, Budget, Exploration, Explorer, SchedulerKind, Stop};
use crate::target::Target;
use shuttle::scheduler::DfsScheduler;

/// Every interleaving, depth first, up to `budget.iterations` schedules.
pub struct DfsExplorer;

impl Explorer for DfsExplorer {
    fn kind(&self) -> SchedulerKind {
        SchedulerKind::Dfs
    }

    fn explore(&self, target: &Target, budget: &Budget, stop: &Stop, progress: &(dyn Fn(usize) + Sync)) -> Exploration {
        let sequential = Budget { jobs: 1, ..budget.clone() };
        explore_with_shuttle(target, &sequential, stop, progress, |_, iterations| {
            DfsScheduler::new(Some(iterations), false)
        })
    }
}
