//! What is explored (a program in a mode with seeded bugs) and what one schedule showed.

use crate::collect::{render, TraceEvent};
use crate::panics::CheckerPanic;
use crate::schedule::Schedule;
use emlab_vm::bytecode::Program;
use emlab_vm::{Bugs, Limits, Mode, Violation, ViolationKind, VmConfig};
use std::sync::Arc;

/// A compiled program with the mode and seeded bugs to run it under.
#[derive(Clone)]
pub struct Target {
    /// How the program is named in traces and messages (e.g. `eml/transfer.py`).
    pub name: String,
    pub program: Arc<Program>,
    pub mode: Mode,
    pub bugs: Bugs,
    /// Step, recursion and heap limits of each run ([`Limits::for_checking`] unless changed).
    pub limits: Limits,
}

impl Target {
    pub fn new(name: &str, program: Program, mode: Mode, bugs: Bugs) -> Target {
        Target { name: name.to_string(), program: Arc::new(program), mode, bugs, limits: Limits::for_checking() }
    }

    /// The same target under other limits.
    pub fn with_limits(self, limits: Limits) -> Target {
        Target { limits, ..self }
    }

    /// The VM configuration for checking runs: captured output, traces and monitors on.
    pub fn config(&self) -> VmConfig {
        VmConfig { mode: self.mode, bugs: self.bugs, limits: self.limits, ..VmConfig::for_checking() }
    }
}

/// What one explored schedule showed.
#[derive(Debug, Clone)]
pub struct RunReport {
    pub violations: Vec<Violation>,
    pub events: Vec<TraceEvent>,
    pub schedule: Schedule,
    /// Context switches away from a thread that could have gone on.
    pub preemptions: usize,
    /// What the program printed (when the run finished and its output was captured).
    pub output: String,
}

impl RunReport {
    /// The first violation of one of `kinds` (any kind if `kinds` is empty).
    pub fn violation_of(&self, kinds: &[ViolationKind]) -> Option<&Violation> {
        self.violations.iter().find(|v| kinds.is_empty() || kinds.contains(&v.kind))
    }

    pub fn kinds(&self) -> impl Iterator<Item = ViolationKind> + '_ {
        self.violations.iter().map(|v| v.kind)
    }

    /// The trace as text, with `header` first and `violation` before the schedule line; each step
    /// shows its line's text from `source` (the program's file).
    pub fn render(&self, header: &str, violation: Option<&Violation>, source: &str) -> String {
        render(header, &self.events, violation, &self.schedule.to_string(), source)
    }
}

/// Turns a panic that ended a run into a violation: deadlock (shuttle's or loom's detector),
/// step-limit (a model checker's step budget), or a panic of the VM itself (see
/// `CheckerPanic::recognize` in `panics.rs` for how the message is read).
pub fn classify_panic(message: &str, events: &[TraceEvent]) -> Violation {
    let kind = match CheckerPanic::recognize(message) {
        Some(CheckerPanic::Deadlock) => {
            return Violation { kind: ViolationKind::Deadlock, message: describe_deadlock(events), thread: None }
        }
        Some(CheckerPanic::StepBudget) => ViolationKind::StepLimit,
        Some(CheckerPanic::NoConcurrency) | None => ViolationKind::VmPanic,
    };
    Violation { kind, message: message.to_string(), thread: None }
}

/// "every unfinished thread is blocked: t0 block in join t1; t1 block on lock #4", from each
/// thread's last event (threads whose last event is their end are not blocked).
fn describe_deadlock(events: &[TraceEvent]) -> String {
    let mut last: Vec<(u32, &TraceEvent)> = Vec::new();
    for e in events {
        match last.iter_mut().find(|(t, _)| *t == e.thread) {
            Some(slot) => slot.1 = e,
            None => last.push((e.thread, e)),
        }
    }
    last.sort_by_key(|(t, _)| *t);
    let waits: Vec<String> = last
        .iter()
        .filter(|(_, e)| !e.kind.is_end())
        .map(|(t, e)| format!("t{t} at line {}: {}", e.line, e.kind.what()))
        .collect();
    format!("every unfinished thread is blocked: {}", waits.join("; "))
}

#[cfg(test)]
mod tests {
    use super::*;

    use emlab_vm::trace::{Brief, EventKind};

    fn event(thread: u32, line: u32, kind: EventKind) -> TraceEvent {
        TraceEvent { thread, line, kind }
    }

    #[test]
    fn panics_are_classified_by_who_raised_them() {
        let events = vec![
            event(0, 3, EventKind::BlockLock { lock: 2 }),
            event(1, 7, EventKind::BlockLock { lock: 1 }),
            event(2, 9, EventKind::End { result: Brief::plain("None") }),
        ];
        let deadlock = classify_panic("deadlock! blocked tasks: [main, t1]", &events);
        assert_eq!(deadlock.kind, ViolationKind::Deadlock);
        assert_eq!(
            deadlock.message,
            "every unfinished thread is blocked: t0 at line 3: block on lock #2; t1 at line 7: block on lock #1"
        );
        assert_eq!(classify_panic("deadlock; threads = [..]", &[]).kind, ViolationKind::Deadlock);
        let budget = classify_panic("Model exceeded maximum number of branches", &[]);
        assert_eq!(budget.kind, ViolationKind::StepLimit);
        let bug = classify_panic("index out of bounds: the len is 0", &[]);
        assert_eq!(bug.kind, ViolationKind::VmPanic);
        assert!(bug.message.contains("index out of bounds"));
    }
}
