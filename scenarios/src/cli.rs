//! The command-line interface, as clap parses it.

use clap::{Parser, Subcommand};
use emlab_vm::{Bug, Mode};
use std::path::PathBuf;

/// emlab: a free-threaded Python-subset VM and a checker for its thread interleavings.
#[derive(Debug, Parser)]
#[command(name = "emlab", version, about, long_about = None)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Run a program on real OS threads, printing its output.
    ///
    /// Exits 0 on success, 1 if the main thread raised an uncaught error (printed to stderr with
    /// file and line, as CPython prints it), 2 on a usage or syntax error.
    Run(RunArgs),
}

#[derive(Debug, clap::Args)]
pub struct RunArgs {
    /// The program to run (a file in emlab's Python subset).
    pub file: PathBuf,
    /// Print the compiled bytecode instead of running the program.
    #[arg(long)]
    pub disassemble: bool,
    #[command(flatten)]
    pub vm: VmArgs,
}

/// How the VM runs: its mode and any seeded bugs.
#[derive(Debug, Clone, clap::Args)]
pub struct VmArgs {
    /// How core code and extension calls are excluded: eml (free-threaded core, exclusive
    /// extension calls), gil, nogil (no exclusion), gil-on-import (a GIL once a module that is not
    /// free-threaded is imported).
    #[arg(long, value_name = "MODE")]
    pub mode: Option<Mode>,
    /// Switch on a seeded bug (repeatable): eml-early-demote, eml-callback-demote, eml-no-detach,
    /// gc-ignore-pins, gc-skip-detached-roots, pin-borrow-uncounted, list-append-unlocked,
    /// no-safepoint-backedge.
    #[arg(long = "inject", value_name = "BUG")]
    pub inject: Vec<Bug>,
}
