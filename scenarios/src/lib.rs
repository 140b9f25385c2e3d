//! # emlab
//!
//! The command-line front end of emlab: `emlab run` executes a program of the
//! Python subset on real threads.
//!
//! ```text
//! $ emlab run scenarios/suite/eml/transfer.py
//! ```
//!
//! Exit codes are part of the interface: 0 success, 1 an uncaught error in the
//! main thread, 2 a usage, input or syntax error.

pub mod bench;
pub mod check;
pub mod cli;
pub mod diagnostics;
pub mod replay;
pub mod report;
pub mod run;
pub mod scenario;

/// Process exit codes.
pub mod exit {
    /// Everything went as expected.
    pub const OK: i32 = 0;
    /// The program raised an uncaught error in its main thread.
    pub const PROGRAM_ERROR: i32 = 1;
    /// Bad usage, an unreadable file, or a syntax error.
    pub const USAGE: i32 = 2;
}
