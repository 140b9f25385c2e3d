//! Running executions of a target under shuttle, recording every scheduling decision.
//!
//! Executions run in batches inside one shuttle `Runner`: a runner allocates its tasks'
//! stacks once, and allocating them per execution made the kernel's memory map the
//! bottleneck (and kept `--jobs` from scaling).

use crate::collect::{take_events, with_collector};
use crate::explorer::{Budget, Coverage, Exploration, Stop};
use crate::panics::{self, CheckerPanic};
use crate::schedule::Schedule;
use crate::target::{classify_panic, RunReport, Target};
use emlab_vm::platform::Shuttle;
use emlab_vm::{RunOutcome, Vm};
use parking_lot::Mutex;
use shuttle::scheduler::{Schedule as ShuttleSchedule, Scheduler, Task, TaskId};
use std::cell::RefCell;
use std::rc::Rc;
use std::sync::Arc;

/// What the recorder knows about the batch so far.
#[derive(Default)]
struct Batch {
    /// Decisions and preemptions of the execution running now.
    choices: Vec<usize>,
    preemptions: usize,
    /// Whether an execution is running (started and not yet finished).
    running: bool,
    /// Finished executions, in order.
    reports: Vec<RunReport>,
    /// The wrapped scheduler has no more executions.
    exhausted: bool,
}

/// Wraps a shuttle scheduler for up to `limit` executions, recording each one's decisions and
/// turning it into a [`RunReport`] when it ends. The wrapped scheduler is shared, so the next
/// batch continues where this one left off (a DFS goes on to its next branch).
struct Recorder<S> {
    inner: Rc<RefCell<S>>,
    limit: usize,
    stop: Stop,
    batch: Rc<RefCell<Batch>>,
    outcome: Arc<Mutex<Option<RunOutcome>>>,
}

impl<S> Recorder<S> {
    /// Closes the execution that just ended; returns whether the batch should stop.
    fn finish_execution(&mut self) -> bool {
        let mut batch = self.batch.borrow_mut();
        if !batch.running {
            return false;
        }
        batch.running = false;
        let outcome = self.outcome.lock().take();
        let violations = outcome.as_ref().map(|o| o.violations()).unwrap_or_default();
        let report = RunReport {
            output: outcome.map(|o| o.output).unwrap_or_default(),
            violations,
            events: take_events(),
            schedule: Schedule::Shuttle(std::mem::take(&mut batch.choices)),
            preemptions: std::mem::take(&mut batch.preemptions),
        };
        let stop = self.stop.matches(&report);
        batch.reports.push(report);
        stop
    }
}

impl<S: Scheduler> Scheduler for Recorder<S> {
    fn new_execution(&mut self) -> Option<ShuttleSchedule> {
        if self.finish_execution() || self.batch.borrow().reports.len() >= self.limit {
            return None;
        }
        let schedule = self.inner.borrow_mut().new_execution();
        let mut batch = self.batch.borrow_mut();
        batch.exhausted = schedule.is_none();
        batch.running = schedule.is_some();
        schedule
    }

    fn next_task(&mut self, runnable: &[&Task], current: Option<TaskId>, is_yielding: bool) -> Option<TaskId> {
        let chosen = self.inner.borrow_mut().next_task(runnable, current, is_yielding)?;
        // Switching away from a thread that could go on is a preemption, unless it yielded; and
        // keeping a yielding thread (a spin loop) running while another could run is unfair, so it
        // costs the same: minimization then prefers schedules where a hang is a real hang, not
        // starvation.
        let could_go_on = current.is_some_and(|c| runnable.iter().any(|t| t.id() == c));
        let switched = current.is_some_and(|c| c != chosen);
        let unfair = is_yielding && !switched && runnable.len() > 1;
        let mut batch = self.batch.borrow_mut();
        if (!is_yielding && could_go_on && switched) || unfair {
            batch.preemptions += 1;
        }
        batch.choices.push(usize::from(chosen));
        Some(chosen)
    }

    fn next_u64(&mut self) -> u64 {
        self.inner.borrow_mut().next_u64()
    }
}

fn shuttle_config() -> shuttle::Config {
    let mut config = shuttle::Config::new();
    // Room for the deepest native nesting the VM allows (see `emlab_vm::platform::NATIVE_STACK`).
    config.stack_size = 2 << 20;
    config.failure_persistence = shuttle::FailurePersistence::None;
    config.silence_warnings = true;
    // A backstop behind the VM's own per-thread step budget: no recorded schedule is longer than
    // `replay` accepts.
    config.max_steps = shuttle::MaxSteps::FailAfter(crate::schedule::MAX_SCHEDULE_STEPS);
    config
}

/// Runs up to `limit` executions that `scheduler` offers, stopping after the first report
/// `stop` matches. Returns the reports and whether the scheduler has no more executions.
pub(crate) fn run_batch<S: Scheduler + 'static>(
    target: &Target,
    scheduler: &Rc<RefCell<S>>,
    limit: usize,
    stop: &Stop,
) -> (Vec<RunReport>, bool) {
    let batch = Rc::new(RefCell::new(Batch::default()));
    let outcome: Arc<Mutex<Option<RunOutcome>>> = Arc::new(Mutex::new(None));
    let recorder = Recorder {
        inner: scheduler.clone(),
        limit: limit.max(1),
        stop: stop.clone(),
        batch: batch.clone(),
        outcome: outcome.clone(),
    };
    let (program, config, slot) = (target.program.clone(), target.config(), outcome.clone());
    take_events();
    let result = with_collector(|| {
        panics::capture(move || {
            shuttle::Runner::new(recorder, shuttle_config()).run(move || {
                let vm = Vm::<Shuttle>::new((*program).clone(), config.clone()).expect("the VM starts");
                *slot.lock() = Some(vm.run());
            })
        })
    });
    if let Err(message) = result {
        // The execution that was running ended in a panic: shuttle's deadlock detector, or a
        // bug in the VM. PCT's refusal of a program whose threads never interleave is no violation.
        let mut state = batch.borrow_mut();
        if state.running {
            state.running = false;
            let events = take_events();
            let violations = if CheckerPanic::recognize(&message) == Some(CheckerPanic::NoConcurrency) {
                Vec::new()
            } else {
                vec![classify_panic(&message, &events)]
            };
            let report = RunReport {
                output: String::new(),
                violations,
                events,
                schedule: Schedule::Shuttle(std::mem::take(&mut state.choices)),
                preemptions: std::mem::take(&mut state.preemptions),
            };
            state.reports.push(report);
        }
    }
    let state = std::mem::take(&mut *batch.borrow_mut());
    (state.reports, state.exhausted)
}

/// Runs the next single execution `scheduler` offers; None when it has no more.
pub(crate) fn run_one<S: Scheduler + 'static>(target: &Target, scheduler: &Rc<RefCell<S>>) -> Option<RunReport> {
    run_batch(target, scheduler, 1, &Stop::OnKinds(Vec::new())).0.into_iter().next()
}

/// Executions per shuttle runner (progress is reported between batches).
const BATCH: usize = 64;

/// Runs shuttle schedulers made by `make(seed, iterations)` on `budget.jobs` OS threads, each with
/// its own seed and share of the iterations, until one matches `stop`.
pub(crate) fn explore_with_shuttle<S, F>(
    target: &Target,
    budget: &Budget,
    stop: &Stop,
    progress: &(dyn Fn(usize) + Sync),
    make: F,
) -> Exploration
where
    S: shuttle::scheduler::Scheduler + 'static,
    F: Fn(u64, usize) -> S + Sync,
{
    use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering::Relaxed};
    let jobs = budget.jobs.clamp(1, budget.iterations.max(1));
    let done = AtomicBool::new(false);
    let total = AtomicUsize::new(0);
    let explore_share = |job: usize| {
        let share = budget.iterations / jobs + usize::from(job < budget.iterations % jobs);
        let scheduler = std::rc::Rc::new(std::cell::RefCell::new(make(budget.seed.wrapping_add(job as u64), share)));
        let mut exploration = Exploration { coverage: Coverage::Sampled, ..Exploration::default() };
        while !done.load(Relaxed) {
            let (reports, exhausted) = run_batch(target, &scheduler, BATCH, stop);
            // A batch that ran nothing (the scheduler refused before an execution started) would
            // only repeat itself: treat it as the end.
            let ran_nothing = reports.is_empty();
            for report in reports {
                progress(total.fetch_add(1, Relaxed) + 1);
                if exploration.record(report, stop) {
                    done.store(true, Relaxed);
                }
            }
            if exhausted || ran_nothing {
                break;
            }
        }
        exploration
    };
    in_parallel(jobs, explore_share)
}

/// Runs `work(0)`, ..., `work(jobs - 1)` on `jobs` OS threads (on this one when `jobs` is 1)
/// and merges what they found.
pub(crate) fn in_parallel(jobs: usize, work: impl Fn(usize) -> Exploration + Sync) -> Exploration {
    if jobs <= 1 {
        return work(0);
    }
    let results: Vec<Exploration> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..jobs)
            .map(|job| {
                let work = &work;
                std::thread::Builder::new()
                    .stack_size(8 << 20)
                    .spawn_scoped(scope, move || work(job))
                    .expect("the OS starts an exploration thread")
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap_or_default()).collect()
    });
    let mut merged = Exploration::default();
    results.into_iter().for_each(|e| merged.merge(e));
    merged
}
