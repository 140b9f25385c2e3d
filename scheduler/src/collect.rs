//! Collecting the VM's typed trace events of an execution, and rendering them as text.
//!
//! The checker decides from [`TraceEvent::kind`] only; the text is for people (and snapshots).

use emlab_vm::Violation;
use std::fmt::Write;

/// One VM-level event, as the VM emitted it: thread, source line, and a typed
/// [`emlab_vm::trace::EventKind`] that renders the line's text.
pub type TraceEvent = emlab_vm::trace::Event;

/// Takes the events collected on this OS thread so far (shuttle and loom run every VM thread of
/// an execution on the calling OS thread, so it sees all of them).
pub fn take_events() -> Vec<TraceEvent> {
    emlab_vm::trace::take()
}

/// Runs `f` with this OS thread collecting the trace events.
pub fn with_collector<R>(f: impl FnOnce() -> R) -> R {
    emlab_vm::trace::collect(f)
}

/// Traces longer than this show their first `HEAD` events and their last ones.
const MAX_SHOWN: usize = 240;
const HEAD: usize = 160;

/// Renders a trace: a header line, one numbered line per event, the violation, and the schedule.
pub fn render(header: &str, events: &[TraceEvent], violation: Option<&Violation>, schedule: &str) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# {header}");
    for (i, e) in events.iter().enumerate() {
        // A hang can run for thousands of steps: keep the start and the end.
        if events.len() > MAX_SHOWN && i == HEAD {
            let _ = writeln!(out, "     ... {} events omitted ...", events.len() - MAX_SHOWN);
        }
        if events.len() > MAX_SHOWN && i >= HEAD && i < events.len() - (MAX_SHOWN - HEAD) {
            continue;
        }
        let thread = format!("t{}", e.thread);
        // Line 0: the thread has no frame yet (or any more), at its start and end.
        let line = if e.line == 0 { String::new() } else { format!("L{}", e.line) };
        let (what, note) = (e.kind.what(), e.kind.note());
        let text = if note.is_empty() { what } else { format!("{what:<34} {note}") };
        let _ = writeln!(out, "{:>4} {thread:<3} {line:<5} {}", i + 1, text.trim_end());
    }
    if let Some(v) = violation {
        let _ = writeln!(out, "{:>4} violation: {v}", events.len() + 1);
    }
    let _ = writeln!(out, "schedule: {schedule}");
    out
}
