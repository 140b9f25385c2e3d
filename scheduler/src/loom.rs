//! `loom`: exhaustive exploration with loom, up to a preemption bound.
//!
//! Loom explores schedules in a deterministic order, so the n-th execution is a
//! schedule of its own (`loom:n`) that [`replay`] reproduces by exploring again up to it.
//! Loom allows at most 4 spawned threads; programs that spawn more are `skipped`.

use crate::collect::{take_events, with_collector};
use crate::explorer::{Budget, Exploration, Explorer, SchedulerKind, Stop};
use crate::panics;
use crate::schedule::Schedule;
use crate::target::{classify_panic, RunReport, Target};
use emlab_vm::platform::Loom;
use emlab_vm::Vm;
use parking_lot::Mutex;
use std::sync::Arc;

/// Loom allows this many threads besides the main one.
pub const MAX_SPAWNED: u32 = 4;

/// The panic message that ends loom's exploration once the result is known.
const STOP: &str = "emlab: exploration complete";

/// Exhaustive search with at most `preemption_bound` preemptions per execution.
pub struct LoomExplorer {
    pub preemption_bound: usize,
}

impl Default for LoomExplorer {
    fn default() -> Self {
        LoomExplorer { preemption_bound: 2 }
    }
}

impl Explorer for LoomExplorer {
    fn kind(&self) -> SchedulerKind {
        SchedulerKind::Loom
    }

    fn default_iterations(&self) -> usize {
        20_000
    }

    fn explore(&self, target: &Target, budget: &Budget, stop: &Stop, progress: &(dyn Fn(usize) + Sync)) -> Exploration {
        let spawned = threads_spawned(target);
        if spawned > MAX_SPAWNED {
            return Exploration::skipped(format!("spawns {spawned} threads; loom allows at most {MAX_SPAWNED}"));
        }
        let stop = stop.clone();
        let mut exploration =
            run_loom(target, self.preemption_bound, budget.iterations, progress, move |exploration, report| {
                exploration.record(report, &stop)
            });
        if exploration.first.is_none()
            && exploration.coverage != crate::explorer::Coverage::Executions(budget.iterations)
        {
            exploration.coverage = crate::explorer::Coverage::PreemptionBound(self.preemption_bound);
        }
        exploration
    }
}

/// Reruns loom's exploration up to execution `n` and returns that execution's report.
pub fn replay(target: &Target, preemption_bound: usize, n: usize) -> Option<RunReport> {
    let exploration = run_loom(target, preemption_bound, usize::MAX, &|_| {}, move |exploration, report| {
        if report.schedule == Schedule::Loom(n) {
            exploration.first = Some(report);
            return true;
        }
        false
    });
    exploration.first
}

/// How many threads the program spawns, from one schedule under shuttle.
fn threads_spawned(target: &Target) -> u32 {
    let report = crate::guided::run_guided(target, Vec::new());
    report.events.iter().map(|e| e.thread).max().unwrap_or(0)
}

/// Runs loom over `target`, handing each execution's report to `on_report` until it returns true.
fn run_loom(
    target: &Target,
    preemption_bound: usize,
    max_permutations: usize,
    progress: &(dyn Fn(usize) + Sync),
    on_report: impl Fn(&mut Exploration, RunReport) -> bool + Send + Sync + 'static,
) -> Exploration {
    let state = Arc::new(Mutex::new(Exploration::default()));
    let executions = Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let shared_executions = executions.clone();
    let budget_hit = Arc::new(std::sync::atomic::AtomicBool::new(false));
    let exploration_budget_hit = budget_hit.clone();
    take_events();
    let mut builder = loom::model::Builder::new();
    builder.preemption_bound = Some(preemption_bound);
    builder.max_branches = 100_000;
    builder.max_permutations = Some(max_permutations);
    let (program, config) = (target.program.clone(), target.config());
    let shared_state = state.clone();
    let on_report = Arc::new(on_report);
    let shared_on_report = on_report.clone();
    let result = with_collector(|| {
        panics::capture(|| {
            builder.check(move || {
                take_events();
                let outcome = Vm::<Loom>::new((*program).clone(), config.clone()).expect("the VM starts").run();
                let n = shared_executions.fetch_add(1, std::sync::atomic::Ordering::Relaxed) + 1;
                let mut exploration = shared_state.lock();
                let report = RunReport {
                    output: outcome.output.clone(),
                    violations: outcome.violations(),
                    events: take_events(),
                    schedule: Schedule::Loom(n),
                    preemptions: 0,
                };
                let done = shared_on_report(&mut exploration, report);
                drop(exploration);
                // Loom itself looks at `max_permutations` only every `checkpoint_interval`
                // executions (20,000): the budget is enforced here, exactly.
                if !done && n >= max_permutations {
                    exploration_budget_hit.store(true, std::sync::atomic::Ordering::Relaxed);
                }
                if done || n >= max_permutations {
                    panic!("{STOP}");
                }
            })
        })
    });
    let mut exploration = std::mem::take(&mut *state.lock());
    // Loom also stops on its own at `max_permutations` (counting one short of it).
    if budget_hit.load(std::sync::atomic::Ordering::Relaxed) || exploration.schedules + 1 >= max_permutations {
        exploration.coverage = crate::explorer::Coverage::Executions(max_permutations);
    }
    // Loom's model closure must be 'static, so progress is reported once, at the end.
    progress(exploration.schedules);
    if let Err(message) = result {
        if message != STOP {
            // Loom (a deadlock, its branch budget) or the VM itself ended the execution.
            let events = take_events();
            let violation = classify_panic(&message, &events);
            let n = executions.load(std::sync::atomic::Ordering::Relaxed) + 1;
            let report = RunReport {
                violations: vec![violation],
                events,
                schedule: Schedule::Loom(n),
                preemptions: 0,
                output: String::new(),
            };
            on_report(&mut exploration, report);
        }
    }
    exploration
}
