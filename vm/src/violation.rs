//! What the checker finds: the kinds of violation and how a run's errors map onto them.

use crate::error::{ErrorKind, Uncaught};
use std::fmt;
use std::str::FromStr;

/// A kind of violation (DESIGN "What the checker finds").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ViolationKind {
    /// A program `assert` failed.
    Assertion,
    /// Any other uncaught error in some thread.
    Exception,
    /// Another thread ran a core step while a thread was inside a non-free-threaded extension call.
    Atomicity,
    /// An access through a handle whose slot was reclaimed.
    UseAfterFree,
    /// After the run and a final collection, an object is allocated that neither globals nor module state reach.
    Leak,
    /// An extension touched an object while it had released the EML.
    OutsideEml,
    /// Every unfinished thread is blocked.
    Deadlock,
    /// The run exceeded its step budget.
    StepLimit,
    /// The VM itself panicked: always a bug in emlab.
    VmPanic,
}

impl ViolationKind {
    pub const ALL: [ViolationKind; 9] = [
        ViolationKind::Assertion,
        ViolationKind::Exception,
        ViolationKind::Atomicity,
        ViolationKind::UseAfterFree,
        ViolationKind::Leak,
        ViolationKind::OutsideEml,
        ViolationKind::Deadlock,
        ViolationKind::StepLimit,
        ViolationKind::VmPanic,
    ];

    pub fn name(self) -> &'static str {
        match self {
            ViolationKind::Assertion => "assertion",
            ViolationKind::Exception => "exception",
            ViolationKind::Atomicity => "atomicity",
            ViolationKind::UseAfterFree => "use-after-free",
            ViolationKind::Leak => "leak",
            ViolationKind::OutsideEml => "outside-eml",
            ViolationKind::Deadlock => "deadlock",
            ViolationKind::StepLimit => "step-limit",
            ViolationKind::VmPanic => "vm-panic",
        }
    }

    /// The violation an uncaught error of `kind` is.
    pub(crate) fn of_error(kind: ErrorKind) -> ViolationKind {
        match kind {
            ErrorKind::AssertionError => ViolationKind::Assertion,
            ErrorKind::UseAfterFree => ViolationKind::UseAfterFree,
            ErrorKind::OutsideEml => ViolationKind::OutsideEml,
            ErrorKind::StepLimit => ViolationKind::StepLimit,
            ErrorKind::VmPanic => ViolationKind::VmPanic,
            _ => ViolationKind::Exception,
        }
    }
}

impl fmt::Display for ViolationKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for ViolationKind {
    type Err = crate::mode::UnknownName;

    fn from_str(s: &str) -> Result<ViolationKind, Self::Err> {
        ViolationKind::ALL.into_iter().find(|k| k.name() == s).ok_or_else(|| crate::mode::UnknownName {
            what: "violation kind",
            given: s.to_string(),
            valid: ViolationKind::ALL.map(ViolationKind::name).join(", "),
        })
    }
}

/// One violation a run showed: its kind, a message, and the thread it happened in, if one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Violation {
    pub kind: ViolationKind,
    pub message: String,
    pub thread: Option<u32>,
}

impl Violation {
    pub(crate) fn from_uncaught(error: &Uncaught) -> Violation {
        let location = error.traceback.last().map(|f| format!(" (line {})", f.line)).unwrap_or_default();
        Violation {
            kind: ViolationKind::of_error(error.exception.kind),
            message: format!("{}{location}", error.exception),
            thread: Some(error.thread),
        }
    }
}

impl fmt::Display for Violation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.thread {
            Some(t) => write!(f, "{} in t{t}: {}", self.kind, self.message),
            None => write!(f, "{}: {}", self.kind, self.message),
        }
    }
}
