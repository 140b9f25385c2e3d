//! The entry point: [`Vm`] builds a program's shared state and runs its threads to the end.
//!
//! The VM's layers, each depending only on those before it:
//!
//! * [`crate::thread_state`]: what a thread is to the others (its number and GC roots); a leaf.
//! * [`crate::runtime`]: state shared by every thread (heap, globals, coordinator, pins, monitors)
//!   and the collector's root scan over every thread's roots; it never runs bytecode.
//! * [`crate::interp`]: a thread running bytecode over the shared state, and the thread bodies
//!   (start, end, join, locks).
//! * this module, on top: it owns the shared state, runs the main thread's body and joins the rest.

use crate::bytecode::{FuncId, Program};
use crate::error::{Exception, Uncaught};
use crate::interp;
use crate::platform::Platform;
use crate::runtime::{PromotionStats, Shared, VmConfig};
use crate::step::{self, Access, Resource};
use crate::value::Value;
use crate::violation::Violation;
use std::sync::Arc;

/// What a finished run produced.
#[derive(Debug, Clone)]
pub struct RunOutcome {
    /// Captured output (empty when printing to stdout).
    pub output: String,
    /// Every uncaught error, in the order they happened; the main thread's, if any, is among them.
    pub uncaught: Vec<Uncaught>,
    /// Whether the main thread ended with an uncaught error (the process exit status is then 1).
    pub main_failed: bool,
    /// Violations the VM's monitors saw (atomicity, leak); uncaught errors are in `uncaught`.
    pub monitored: Vec<Violation>,
    /// The status the main thread's `sys.exit(status)` (an uncaught SystemExit) ended the program
    /// with: the process exit status under `emlab run`.
    pub exit_status: Option<i32>,
}

impl RunOutcome {
    /// Every violation the run showed: monitored ones, then uncaught errors in order.
    pub fn violations(&self) -> Vec<Violation> {
        let mut all = self.monitored.clone();
        all.extend(self.uncaught.iter().map(Violation::from_uncaught));
        all
    }
}

/// A VM ready to run one program on platform `P`.
pub struct Vm<P: Platform> {
    /// Crate-visible so that the runtime's tests can look at the state a run left behind.
    pub(crate) shared: Arc<Shared<P>>,
}

impl<P: Platform> Vm<P> {
    /// Prepares `program` to run with `config`; fails only if its constants do not fit in the heap.
    pub fn new(program: Program, config: VmConfig) -> Result<Vm<P>, Exception> {
        Ok(Vm { shared: Arc::new(Shared::new(program, config)?) })
    }

    /// The latency of every EML promotion for an extension call in this VM's run, filled in as it
    /// runs: take it before [`Vm::run`], read it after. Empty except on real threads in `eml` mode.
    pub fn promotion_stats(&self) -> Arc<PromotionStats> {
        self.shared.promotions.clone()
    }

    /// Runs the module body on the calling thread as thread 0, then waits for every spawned thread
    /// (as CPython waits for non-daemon threads at exit).
    pub fn run(self) -> RunOutcome {
        let shared = self.shared;
        let number = shared.next_thread_number();
        let slot = shared.register_thread(number, vec![Value::func(FuncId(0))], None);
        let main_failed = interp::run_thread(&shared, &slot, 0).is_err();
        // As CPython at exit: wait for every thread but the daemons; then the daemons stop where
        // they wait (`Shared::shut_down`), and the run waits for them to be gone.
        loop {
            let handles = shared.take_join_handles();
            if handles.is_empty() {
                break;
            }
            let (daemons, others): (Vec<_>, Vec<_>) = handles.into_iter().partition(|(n, _)| shared.is_daemon(*n));
            if others.is_empty() {
                shared.shut_down();
            }
            let waiting = others.is_empty();
            for (number, handle) in others {
                P::join(handle);
                step::record(Resource::Joined(number), Access::Read);
            }
            for (number, handle) in daemons {
                if waiting {
                    P::join(handle);
                    step::record(Resource::Joined(number), Access::Read);
                } else {
                    shared.add_join_handle(number, handle);
                }
            }
        }
        shared.output.flush();
        if shared.config.monitor {
            shared.check_leaks();
        }
        let (uncaught, monitored) = shared.take_reports();
        RunOutcome {
            output: shared.output.captured(),
            uncaught,
            main_failed,
            monitored,
            exit_status: shared.exit_status(),
        }
    }
}
