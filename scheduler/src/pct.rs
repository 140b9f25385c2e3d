//! `pct`: shuttle's probabilistic concurrency testing scheduler.
//!
//! PCT gives threads random priorities and lowers the running thread's priority at a
//! few random change points; a bug that needs `d` ordering constraints is found with
//! probability at least 1/(n·k^(d-1)) per run.

use crate::explorer::{Budget, Exploration, Explorer, SchedulerKind, Stop};
use crate::shuttle_run::explore_with_shuttle;
use crate::target::Target;
use shuttle::scheduler::PctScheduler;

/// PCT with a bug depth of `depth` (3 by default).
pub struct PctExplorer {
    pub depth: usize,
}

impl Default for PctExplorer {
    fn default() -> Self {
        PctExplorer { depth: 3 }
    }
}

impl Explorer for PctExplorer {
    fn kind(&self) -> SchedulerKind {
        SchedulerKind::Pct
    }

    fn default_iterations(&self) -> usize {
        1000
    }

    fn explore(&self, target: &Target, budget: &Budget, stop: &Stop, progress: &(dyn Fn(usize) + Sync)) -> Exploration {
        let depth = self.depth;
        explore_with_shuttle(target, budget, stop, progress, |seed, iterations| {
            PctScheduler::new_from_seed(seed, depth, iterations)
        })
    }
}
