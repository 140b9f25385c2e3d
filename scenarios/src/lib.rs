//! # emlab
//!
//! The command-line front end of emlab:
//!
//! * `emlab run FILE` executes a program of the Python subset on real threads;
//! * `emlab check [PATH...]` explores the thread interleavings of scenarios (the bundled
//!   suite by default) under shuttle and loom and judges each against its `# expect:`;
//! * `emlab replay FILE --schedule S` reruns one schedule exactly and prints its trace;
//! * `emlab bench` times benchmark programs, optionally against CPython;
//! * `emlab check --mode all` prints a scenario × mode matrix ([`matrix`]), `--shard I/N` runs one
//!   share of a check and `emlab merge` joins the shares ([`shard`], [`merge`]);
//! * `emlab suite list|export` shows or writes out the suite compiled into the binary ([`bundled`]).
//! * `emlab generate` writes generated, always-valid scenarios (see [`generate`]).
//!
//! ```text
//! $ emlab check suite:classic/lost_update.py --expect pass
//! FAIL classic/lost_update.py   pct   5 schedules  expected pass, found assertion
//!   ... the minimized trace ...
//!   replay: emlab replay suite:classic/lost_update.py --schedule 0x22.1x13.0x20 --mode eml
//! ```
//!
//! To debug a failure, paste the replay command: the same schedule always prints the same
//! trace. Exit codes are part of the interface: 0 success, 1 an uncaught error in the main
//! thread (`run`) or an unmet expectation (`check`, `replay`), 2 a usage, input or syntax error.

pub mod bench;
pub mod bundled;
pub mod check;
pub mod cli;
pub mod diagnostics;
pub mod generate;
pub mod html;
pub mod logging;
pub mod matrix;
pub mod memory;
pub mod merge;
pub mod replay;
pub mod report;
pub mod run;
pub mod scenario;
pub mod shard;
pub mod source;
pub mod stderr_filter;
pub mod suite;

/// Process exit codes.
pub mod exit {
    /// Everything went as expected.
    pub const OK: i32 = 0;
    /// The program raised an uncaught error in its main thread.
    pub const PROGRAM_ERROR: i32 = 1;
    /// Bad usage, an unreadable file, or a syntax error.
    pub const USAGE: i32 = 2;
}
