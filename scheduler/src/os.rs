//! `os`: real OS threads, many runs. A stress test: nothing is recorded, so nothing replays.

use crate::explorer::{Budget, Exploration, Explorer, SchedulerKind, Stop};
use crate::schedule::Schedule;
use crate::target::{RunReport, Target};
use emlab_vm::platform::Native;
use emlab_vm::{Violation, ViolationKind, Vm};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering::Relaxed};
use std::sync::mpsc;
use std::time::Duration;

/// Runs the program natively `budget.iterations` times, `budget.jobs` at once.
pub struct OsExplorer {
    /// A run that takes longer than this is reported as a deadlock (or livelock).
    pub timeout: Duration,
}

impl Default for OsExplorer {
    fn default() -> Self {
        OsExplorer { timeout: Duration::from_secs(10) }
    }
}

impl OsExplorer {
    fn run_once(&self, target: &Target) -> RunReport {
        // On real threads an instruction budget is no hang detector (a spawned thread may not get
        // a core before a spinning one has run a million instructions): a run that hangs instead
        // stops at a wall-clock deadline, as a step-limit; one that blocks forever times out below.
        let deadline = std::time::Instant::now() + self.timeout;
        let limits = emlab_vm::Limits {
            max_steps: None,
            deadline: Some(target.limits.deadline.map_or(deadline, |d| d.min(deadline))),
            ..target.limits
        };
        let config = emlab_vm::VmConfig { trace: false, limits, ..target.config() };
        let program = (*target.program).clone();
        let (send, receive) = mpsc::channel();
        let runner = std::thread::Builder::new().stack_size(16 << 20).spawn(move || {
            let outcome = Vm::<Native>::new(program, config).map(Vm::run);
            let _ = send.send(outcome);
        });
        let violations = match (runner, receive.recv_timeout(self.timeout + Duration::from_secs(2))) {
            (Ok(_), Ok(Ok(outcome))) => outcome.violations(),
            (Ok(_), Ok(Err(e))) => {
                vec![Violation { kind: ViolationKind::Exception, message: e.to_string(), thread: None }]
            }
            (Ok(_), Err(_)) => vec![Violation {
                kind: ViolationKind::Deadlock,
                message: format!(
                    "the run did not finish within {}s: a deadlock or a livelock (real threads can't tell which)",
                    self.timeout.as_secs()
                ),
                thread: None,
            }],
            (Err(e), _) => vec![Violation { kind: ViolationKind::VmPanic, message: e.to_string(), thread: None }],
        };
        RunReport {
            violations,
            events: Vec::new(),
            schedule: Schedule::Unrecorded,
            preemptions: 0,
            output: String::new(),
        }
    }
}

impl Explorer for OsExplorer {
    fn kind(&self) -> SchedulerKind {
        SchedulerKind::Os
    }

    fn default_iterations(&self) -> usize {
        100
    }

    fn explore(&self, target: &Target, budget: &Budget, stop: &Stop, progress: &(dyn Fn(usize) + Sync)) -> Exploration {
        let next = AtomicUsize::new(0);
        let done = AtomicBool::new(false);
        let jobs = budget.jobs.max(1);
        let explore_share = || {
            let mut exploration = Exploration::default();
            while !done.load(Relaxed) && next.fetch_add(1, Relaxed) < budget.iterations {
                let report = self.run_once(target);
                let timed_out = report.kinds().any(|k| k == ViolationKind::Deadlock);
                if exploration.record(report, stop) || timed_out {
                    done.store(true, Relaxed);
                }
                progress(next.load(Relaxed).min(budget.iterations));
            }
            exploration
        };
        let results: Vec<Exploration> = std::thread::scope(|scope| {
            let handles: Vec<_> = (0..jobs).map(|_| scope.spawn(explore_share)).collect();
            handles.into_iter().map(|h| h.join().unwrap_or_default()).collect()
        });
        let mut merged = Exploration::default();
        results.into_iter().for_each(|e| merged.merge(e));
        merged
    }
}
