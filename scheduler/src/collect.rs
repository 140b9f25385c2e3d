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

/// Where in a trace a step happened: its thread and source line, and the objects it names.
#[derive(Debug, Clone, Copy)]
pub struct Place<'a> {
    pub thread: u32,
    pub line: u32,
    pub objects: &'a [u32],
}

/// The step where `violation` happens: among its thread's steps at the source line its message
/// names (`(line 7)`), the first that touches an object the message names (`#2`), else the first;
/// without a line, that thread's last step. None when it names no thread (a deadlock involves them
/// all). The text trace marks it `▶`, as the HTML report does.
pub fn violation_place(places: &[Place<'_>], violation: &Violation) -> Option<usize> {
    let thread = violation.thread?;
    let message = violation.message.as_str();
    let line = message.find("line ").and_then(|at| {
        let digits: String = message[at + 5..].chars().take_while(char::is_ascii_digit).collect();
        digits.parse::<u32>().ok()
    });
    let named = objects_named(message);
    let at_line = |p: &Place<'_>| Some(p.line) == line && p.thread == thread;
    let touching = places.iter().position(|p| at_line(p) && p.objects.iter().any(|o| named.contains(o)));
    touching.or_else(|| places.iter().position(at_line)).or_else(|| places.iter().rposition(|p| p.thread == thread))
}

/// The objects a text names (`#3`), in order, without repeats.
pub fn objects_named(text: &str) -> Vec<u32> {
    let mut objects = Vec::new();
    let mut rest = text;
    while let Some(at) = rest.find('#') {
        rest = &rest[at + 1..];
        let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
        if let Ok(n) = digits.parse::<u32>() {
            if !objects.contains(&n) {
                objects.push(n);
            }
        }
    }
    objects
}

/// How many characters of a step's source line the text trace shows next to its line number.
pub const SOURCE_CHARS: usize = 24;

/// The text of line `line` (1-based) of `source`, trimmed; empty for line 0 (a thread's start and
/// end, which have no frame) or a line past the end.
pub fn source_line(source: &str, line: u32) -> &str {
    line.checked_sub(1).and_then(|i| source.lines().nth(i as usize)).map_or("", str::trim)
}

/// `text` cut to `chars` characters, the last one `…` when it was longer.
pub fn shorten(text: &str, chars: usize) -> String {
    if text.chars().count() <= chars {
        text.to_string()
    } else {
        text.chars().take(chars.saturating_sub(1)).collect::<String>() + "…"
    }
}

/// Renders a trace: a header line, one numbered line per event (the violation's step marked `▶`)
/// with its source line's text (from `source`, the program's file) next to its line number, the
/// violation, and the schedule.
pub fn render(
    header: &str,
    events: &[TraceEvent],
    violation: Option<&Violation>,
    schedule: &str,
    source: &str,
) -> String {
    let objects: Vec<Vec<u32>> = events.iter().map(|e| e.kind.objects()).collect();
    let places: Vec<Place<'_>> =
        events.iter().zip(&objects).map(|(e, o)| Place { thread: e.thread, line: e.line, objects: o }).collect();
    let marked = violation.and_then(|v| violation_place(&places, v));
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
        let code = shorten(source_line(source, e.line), SOURCE_CHARS);
        let (what, note) = (e.kind.what(), e.kind.note());
        let text = if note.is_empty() { what } else { format!("{what:<34} {note}") };
        let mark = if Some(i) == marked { '▶' } else { ' ' };
        let _ = writeln!(
            out,
            "{:>4}{mark}{thread:<3} {line:<5} {code:<width$}  {}",
            i + 1,
            text.trim_end(),
            width = SOURCE_CHARS
        );
    }
    if let Some(v) = violation {
        let _ = writeln!(out, "{:>4} violation: {v}", events.len() + 1);
    }
    let _ = writeln!(out, "schedule: {schedule}");
    out
}
