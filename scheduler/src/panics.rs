//! Catching panics from a run without printing them, keeping the first message.
//!
//! Shuttle and loom report a deadlock, and the VM reports a bug in itself, by panicking. The
//! checker catches those panics and classifies them; it must not print them, and it needs the
//! *first* message (loom panics again while unwinding). The hook only silences panics on a thread
//! that is inside [`capture`]; anywhere else the hook that was there before runs as usual.

use std::cell::{Cell, RefCell};
use std::panic::{self, AssertUnwindSafe};
use std::sync::Once;

thread_local! {
    static CAPTURING: Cell<bool> = const { Cell::new(false) };
    static FIRST: RefCell<Option<String>> = const { RefCell::new(None) };
}

fn install_hook() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        let previous = panic::take_hook();
        // Shuttle installs its own hook on its first run, printing its failure report for every
        // panic in the process (loom's included). Let it install now, then replace it: emlab
        // reports failures itself, with its own replay command.
        shuttle::check_dfs(|| {}, Some(1));
        drop(panic::take_hook());
        panic::set_hook(Box::new(move |info| {
            if CAPTURING.with(Cell::get) {
                let message = info.payload_as_str().unwrap_or("panic with a non-string payload").to_string();
                FIRST.with(|first| {
                    first.borrow_mut().get_or_insert(message);
                });
            } else {
                previous(info);
            }
        }));
    });
}

/// Runs `f`, turning a panic into `Err(first panic message)`.
pub fn capture<R>(f: impl FnOnce() -> R) -> Result<R, String> {
    install_hook();
    let was = CAPTURING.with(|c| c.replace(true));
    FIRST.with(|first| first.borrow_mut().take());
    let result = panic::catch_unwind(AssertUnwindSafe(f));
    CAPTURING.with(|c| c.set(was));
    let first = FIRST.with(|first| first.borrow_mut().take());
    result.map_err(|_| first.unwrap_or_else(|| "panic".to_string()))
}

/// A failure that shuttle or loom reports by panicking, as the checker classifies it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CheckerPanic {
    /// Every unfinished thread is blocked.
    Deadlock,
    /// The execution ran past the model checker's step or branch budget.
    StepBudget,
    /// Shuttle's PCT refused a program whose threads never interleave (no violation).
    NoConcurrency,
}

impl CheckerPanic {
    /// The one place that reads a model checker's panic message. Those messages come from crates
    /// emlab does not control and carry no typed payload, so they are recognised by their text:
    ///
    /// * `Deadlock`: shuttle-engine's `"deadlock! blocked tasks: [..]"` and loom's
    ///   `"deadlock; threads = [..]"`;
    /// * `StepBudget`: shuttle-engine's `"exceeded max_steps bound N. .."` and loom's
    ///   `"Model exceeded maximum number of branches. .."`;
    /// * `NoConcurrency`: shuttle-schedulers' PCT `assert!`, `"test closure did not exercise any
    ///   concurrency"`.
    ///
    /// Anything else (None) is a panic of the VM itself. The VM's own failures (its step budget,
    /// an uncaught error, a monitor's finding) never come here: they reach the checker as typed
    /// values ([`emlab_vm::ViolationKind`]).
    pub fn recognize(message: &str) -> Option<CheckerPanic> {
        if message.contains("deadlock") {
            Some(CheckerPanic::Deadlock)
        } else if message.contains("max_steps") || message.contains("maximum number of branches") {
            Some(CheckerPanic::StepBudget)
        } else if message.contains("did not exercise any concurrency") {
            Some(CheckerPanic::NoConcurrency)
        } else {
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::CheckerPanic;

    #[test]
    fn the_model_checkers_messages_are_recognised() {
        let cases = [
            ("deadlock! blocked tasks: [main, t1]", Some(CheckerPanic::Deadlock)),
            ("deadlock; threads = [(0, Blocked)]", Some(CheckerPanic::Deadlock)),
            ("exceeded max_steps bound 100000. this might be caused by ..", Some(CheckerPanic::StepBudget)),
            ("Model exceeded maximum number of branches. This is often ..", Some(CheckerPanic::StepBudget)),
            ("test closure did not exercise any concurrency", Some(CheckerPanic::NoConcurrency)),
            ("index out of bounds: the len is 0", None),
        ];
        for (message, expected) in cases {
            assert_eq!(CheckerPanic::recognize(message), expected, "{message}");
        }
    }
}
