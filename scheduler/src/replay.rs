//! Rerunning one schedule exactly.

use crate::guided::GuidedScheduler;
use crate::schedule::Schedule;
use crate::target::{RunReport, Target};
use std::cell::RefCell;
use std::rc::Rc;

/// Why a schedule could not be replayed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ReplayError {
    #[error("the schedule does not fit this program: at step {step} it names a thread that cannot run (was the file, mode or --inject changed?)")]
    Diverged { step: usize },
    #[error("loom explored fewer than {0} executions of this program")]
    NoSuchExecution(usize),
    #[error("runs on real threads are not recorded and cannot be replayed")]
    NotReplayable,
}

/// Reruns `schedule` of `target`; the same schedule always gives the same report.
pub fn replay(target: &Target, schedule: &Schedule) -> Result<RunReport, ReplayError> {
    match schedule {
        Schedule::Shuttle(choices) => {
            let (scheduler, diverged_at) = GuidedScheduler::new(choices.clone());
            let scheduler = Rc::new(RefCell::new(scheduler));
            let report = crate::shuttle_run::run_one(target, &scheduler).expect("a guided scheduler runs once");
            match diverged_at.get() {
                Some(step) => Err(ReplayError::Diverged { step: step + 1 }),
                None => Ok(report),
            }
        }
        Schedule::Loom(n) => crate::loom::replay(target, crate::loom::LoomExplorer::default().preemption_bound, *n)
            .ok_or(ReplayError::NoSuchExecution(*n)),
        Schedule::Unrecorded => Err(ReplayError::NotReplayable),
    }
}
