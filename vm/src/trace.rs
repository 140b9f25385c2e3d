//! VM-level trace events, emitted with `tracing` when a run asks for them (`VmConfig::trace`).
//!
//! Each event names the VM thread (`t0`, `t1`, ... in spawn order), the source line it was
//! at, what happened, and a note (the EML's state, a lock's owner). Events contain no
//! addresses or times: objects are named by their allocation number (`#3`), so the trace of a
//! given schedule is the same on every run and every machine. The checker's subscriber
//! (`emlab-scheduler`) collects them into the text trace of DESIGN "Traces".

/// The `tracing` target of every trace event.
pub const TARGET: &str = "emlab::trace";

/// Emits one trace event.
#[inline]
pub fn emit(thread: u32, line: u32, what: &str, note: &str) {
    tracing::event!(target: TARGET, tracing::Level::INFO, thread, line, what, note);
}
