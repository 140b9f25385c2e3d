//! # emlab-scheduler
//!
//! Explores the thread interleavings of an emlab program and reports what goes wrong.
//!
//! A [`Target`] is a compiled program with a mode and seeded bugs. An [`Explorer`]
//! runs it under many schedules: [`random`], [`pct`] and [`dfs`] drive shuttle's
//! schedulers, [`dpor`] is an exhaustive search with partial-order reduction over VM
//! steps (the only one that can say an exploration was complete), [`loom`](mod@loom)
//! runs loom's exhaustive search, and [`os`] runs on real threads many times. Every
//! schedule that shows a violation comes back as a [`RunReport`] with its trace and its
//! [`Schedule`]; [`replay`] reruns a schedule
//! exactly and [`minimize`] shrinks it to the fewest preemptions and steps.
//! [`fuzzed::run_bytes`] runs a schedule given as raw bytes (the `schedule` fuzz target).
//!
//! ```no_run
//! use emlab_scheduler::{explorer_for, Budget, Stop, Target};
//!
//! let program = emlab_vm::compile_source("x = [0]\n", "x.py").unwrap();
//! let target = Target::new("x.py", program, emlab_vm::Mode::Eml, emlab_vm::Bugs::none());
//! let explorer = explorer_for("pct".parse().unwrap());
//! let exploration = explorer.explore(&target, &Budget::default(), &Stop::FirstViolation, &|_| {});
//! assert!(exploration.first.is_none());
//! ```
//!
//! To debug a failure, paste the printed `emlab replay FILE --schedule S` command:
//! the same schedule always gives the same trace.

pub mod collect;
pub mod dfs;
pub mod dpor;
pub mod exhaustive;
pub mod explorer;
pub mod fuzzed;
pub mod guided;
pub mod loom;
pub mod minimize;
pub mod oracle;
pub mod os;
mod panics;
pub mod pct;
pub mod random;
pub mod replay;
pub mod schedule;
mod shuttle_run;
pub mod target;

pub use collect::TraceEvent;
pub use explorer::{Budget, Coverage, Exploration, Explorer, Outcome, SchedulerKind, Stop};
pub use minimize::{minimize, Minimized};
pub use replay::{replay, ReplayError};
pub use schedule::Schedule;
pub use target::{RunReport, Target};

/// The explorer for a scheduler kind: the one place that names every driver. A new explorer is
/// one file implementing [`Explorer`] (which lives in the leaf module [`explorer`], with
/// [`SchedulerKind`]), its `mod` line and one arm here; drivers never depend on this function.
pub fn explorer_for(kind: SchedulerKind) -> Box<dyn Explorer> {
    match kind {
        SchedulerKind::Random => Box::new(crate::random::RandomExplorer),
        SchedulerKind::Pct => Box::new(crate::pct::PctExplorer::default()),
        SchedulerKind::Dfs => Box::new(crate::dfs::DfsExplorer::default()),
        SchedulerKind::Dpor => Box::new(crate::dpor::DporExplorer::default()),
        SchedulerKind::Loom => Box::new(crate::loom::LoomExplorer::default()),
        SchedulerKind::Os => Box::new(crate::os::OsExplorer::default()),
        SchedulerKind::Exhaustive => Box::new(crate::exhaustive::ExhaustiveExplorer),
    }
}
