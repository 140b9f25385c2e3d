//! The command-line interface, as clap parses it.

use crate::scenario::Expectation;
use clap::{Parser, Subcommand};
use emlab_scheduler::SchedulerKind;
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
    /// Explore the interleavings of scenarios and judge each against its expectation.
    ///
    /// With no path, checks the bundled suite. Prints one line per scenario and scheduler; a
    /// failing one is followed by its minimized trace and the `emlab replay` command that
    /// reproduces it; the last line is `N passed, M failed`. Exits 0 when every scenario met its
    /// expectation, 1 otherwise, 2 on usage or input errors.
    Check(CheckArgs),
    /// Rerun one schedule of a program exactly and print its trace.
    ///
    /// The same schedule always gives the same trace. Exits 1 if the schedule shows a violation.
    Replay(ReplayArgs),
    /// Time benchmark programs natively, and under CPython with `--python`.
    Bench(crate::bench::BenchArgs),
    /// Write generated, always-valid scenarios (swarm testing; the `program` fuzz target's generator).
    ///
    /// `--seed S --count N DIR` writes N scenarios, the same ones for the same seed; `--threads 0`
    /// makes single-threaded programs whose output is deterministic; `--from-fuzz ARTIFACT DIR`
    /// decodes one input of the `program` fuzz target and prints the check command that reproduces it.
    Generate(crate::generate::command::GenerateArgs),
}

/// Output format of `check` and `bench`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Text,
    Json,
}

#[derive(Debug, clap::Args)]
pub struct CheckArgs {
    /// Scenario files, or directories searched recursively for *.py (default: the bundled suite).
    pub paths: Vec<PathBuf>,
    /// Explore with this scheduler (repeatable): random, pct, dfs, loom, os. Default: the
    /// scenario's `# schedulers:`, else random, pct, dfs and loom.
    #[arg(long, value_name = "SCHEDULER")]
    pub scheduler: Vec<SchedulerKind>,
    /// Schedules per scenario and scheduler (overrides `# iterations:`).
    #[arg(long, value_name = "N")]
    pub iterations: Option<usize>,
    /// Seed of the randomized schedulers; the same seed explores the same schedules.
    #[arg(long, default_value_t = 0)]
    pub seed: u64,
    /// Override every scenario's expectation, e.g. `pass` or `violation atomicity`.
    #[arg(long, value_name = "EXPECTATION")]
    pub expect: Option<Expectation>,
    /// Explore schedules on N cores at once (random, pct and os).
    #[arg(long, default_value_t = 1, value_name = "N")]
    pub jobs: usize,
    /// Print one line per result (text) or one JSON object per result (json).
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// Print failing traces as found, without shrinking them first.
    #[arg(long)]
    pub no_minimize: bool,
    #[command(flatten)]
    pub vm: VmArgs,
}

#[derive(Debug, clap::Args)]
pub struct ReplayArgs {
    /// The program or scenario file.
    pub file: PathBuf,
    /// The schedule to replay, as `emlab check` printed it (e.g. `0x22.1x13.0x20` or `loom:17`).
    #[arg(long)]
    pub schedule: String,
    #[command(flatten)]
    pub vm: VmArgs,
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
