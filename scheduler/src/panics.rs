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
