//! Running one execution of a target under shuttle, recording every scheduling decision.

use crate::collect::{with_collector, Collector};
use crate::panics;
use crate::schedule::Schedule;
use crate::target::{classify_panic, RunReport, Target};
use emlab_vm::platform::Shuttle;
use emlab_vm::{RunOutcome, Vm};
use parking_lot::Mutex;
use shuttle::scheduler::{Schedule as ShuttleSchedule, Scheduler, Task, TaskId};
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use std::sync::Arc;

/// Wraps a shuttle scheduler for exactly one execution, recording the decisions it makes.
/// The wrapped scheduler is shared, so the next execution continues where this one left off
/// (a DFS goes on to its next branch).
struct Recorder<S> {
    inner: Rc<RefCell<S>>,
    started: bool,
    choices: Rc<RefCell<Vec<usize>>>,
    preemptions: Rc<Cell<usize>>,
}

impl<S: Scheduler> Scheduler for Recorder<S> {
    fn new_execution(&mut self) -> Option<ShuttleSchedule> {
        if std::mem::replace(&mut self.started, true) {
            return None;
        }
        self.inner.borrow_mut().new_execution()
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
        if (!is_yielding && could_go_on && switched) || unfair {
            self.preemptions.set(self.preemptions.get() + 1);
        }
        self.choices.borrow_mut().push(usize::from(chosen));
        Some(chosen)
    }

    fn next_u64(&mut self) -> u64 {
        self.inner.borrow_mut().next_u64()
    }
}

fn shuttle_config() -> shuttle::Config {
    let mut config = shuttle::Config::new();
    config.stack_size = 1 << 20;
    config.failure_persistence = shuttle::FailurePersistence::None;
    config.silence_warnings = true;
    config
}

/// Runs the next execution `scheduler` offers; None when it has no more.
pub(crate) fn run_one<S: Scheduler + 'static>(target: &Target, scheduler: &Rc<RefCell<S>>) -> Option<RunReport> {
    let choices = Rc::new(RefCell::new(Vec::new()));
    let preemptions = Rc::new(Cell::new(0));
    let recorder = Recorder {
        inner: scheduler.clone(),
        started: false,
        choices: choices.clone(),
        preemptions: preemptions.clone(),
    };
    let outcome: Arc<Mutex<Option<RunOutcome>>> = Arc::new(Mutex::new(None));
    let collector = Collector::default();
    let (program, config, slot) = (target.program.clone(), target.config(), outcome.clone());
    let result = with_collector(&collector, || {
        panics::capture(move || {
            shuttle::Runner::new(recorder, shuttle_config()).run(move || {
                let vm = Vm::<Shuttle>::new((*program).clone(), config.clone()).expect("the VM starts");
                *slot.lock() = Some(vm.run());
            })
        })
    });
    let events = collector.take();
    let violations = match result {
        Ok(0) => return None,
        Ok(_) => outcome.lock().take().map(|o| o.violations()).unwrap_or_default(),
        // PCT refuses a program whose threads never interleave; that is no violation.
        Err(message) if message.contains("did not exercise any concurrency") => Vec::new(),
        Err(message) => vec![classify_panic(&message, &events)],
    };
    let schedule = Schedule::Shuttle(choices.take());
    Some(RunReport { violations, events, schedule, preemptions: preemptions.get() })
}
