//! Collecting the VM's `tracing` events into a trace, and rendering it as text.

use emlab_vm::trace::TARGET;
use emlab_vm::Violation;
use parking_lot::Mutex;
use std::fmt::Write;
use std::sync::Arc;
use tracing::field::{Field, Visit};
use tracing_subscriber::layer::{Context, SubscriberExt};
use tracing_subscriber::Layer;

/// One VM-level event: which thread, at which source line, what happened, and a note.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct TraceEvent {
    pub thread: u32,
    pub line: u32,
    pub what: String,
    pub note: String,
}

/// A `tracing` layer keeping the events of target [`TARGET`].
#[derive(Clone, Default)]
pub struct Collector {
    events: Arc<Mutex<Vec<TraceEvent>>>,
}

impl Collector {
    /// Takes the events collected so far.
    pub fn take(&self) -> Vec<TraceEvent> {
        std::mem::take(&mut *self.events.lock())
    }
}

#[derive(Default)]
struct Fields(TraceEvent);

impl Visit for Fields {
    fn record_u64(&mut self, field: &Field, value: u64) {
        match field.name() {
            "thread" => self.0.thread = value as u32,
            "line" => self.0.line = value as u32,
            _ => {}
        }
    }

    fn record_str(&mut self, field: &Field, value: &str) {
        match field.name() {
            "what" => self.0.what = value.to_string(),
            "note" => self.0.note = value.to_string(),
            _ => {}
        }
    }

    fn record_debug(&mut self, field: &Field, value: &dyn std::fmt::Debug) {
        self.record_str(field, &format!("{value:?}"));
    }
}

impl<S: tracing::Subscriber> Layer<S> for Collector {
    fn enabled(&self, metadata: &tracing::Metadata<'_>, _: Context<'_, S>) -> bool {
        metadata.target() == TARGET
    }

    fn on_event(&self, event: &tracing::Event<'_>, _: Context<'_, S>) {
        let mut fields = Fields::default();
        event.record(&mut fields);
        self.events.lock().push(fields.0);
    }
}

thread_local! {
    /// One subscriber per OS thread, built once: building a registry is costly, and an
    /// exploration runs thousands of executions.
    static LOCAL: (Collector, tracing::Dispatch) = {
        let collector = Collector::default();
        let dispatch = tracing::Dispatch::new(tracing_subscriber::registry().with(collector.clone()));
        (collector, dispatch)
    };
}

/// This OS thread's collector (shuttle and loom run every VM thread of an execution on the
/// calling OS thread, so it sees all of them).
pub fn local_collector() -> Collector {
    LOCAL.with(|(collector, _)| collector.clone())
}

/// Runs `f` with this OS thread's collector receiving the trace events.
pub fn with_collector<R>(f: impl FnOnce() -> R) -> R {
    let dispatch = LOCAL.with(|(_, dispatch)| dispatch.clone());
    tracing::dispatcher::with_default(&dispatch, f)
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
        let text = if e.note.is_empty() { e.what.clone() } else { format!("{:<34} {}", e.what, e.note) };
        let _ = writeln!(out, "{:>4} {thread:<3} {line:<5} {}", i + 1, text.trim_end());
    }
    if let Some(v) = violation {
        let _ = writeln!(out, "{:>4} violation: {v}", events.len() + 1);
    }
    let _ = writeln!(out, "schedule: {schedule}");
    out
}
