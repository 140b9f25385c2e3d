//! The command-line interface, as clap parses it.

use crate::scenario::Expectation;
use clap::{Parser, Subcommand};
use emlab_scheduler::SchedulerKind;
use emlab_vm::{Bug, Limits, Mode};
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
    /// Schedules per scenario and scheduler (overrides `# iterations:`); a positive integer.
    #[arg(long, value_name = "N", value_parser = positive)]
    pub iterations: Option<usize>,
    /// Seed of the randomized schedulers; the same seed explores the same schedules.
    #[arg(long, default_value_t = 0)]
    pub seed: u64,
    /// Override every scenario's expectation, e.g. `pass` or `violation atomicity`.
    #[arg(long, value_name = "EXPECTATION")]
    pub expect: Option<Expectation>,
    /// Explore schedules on N cores at once (random, pct and os); 1 to 256.
    #[arg(long, default_value_t = 1, value_name = "N", value_parser = jobs)]
    pub jobs: usize,
    /// Print one line per result (text) or one JSON object per result (json).
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// Give up on a scenario under one scheduler after this many seconds: its verdict is then
    /// `timeout` (a failure). Default 300.
    #[arg(long, value_name = "SECONDS", default_value_t = 300, value_parser = positive)]
    pub timeout: usize,
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
    /// Instructions one thread may run before a step-limit violation (a hang). Default: no limit
    /// under `run`, 1000000 under `check` and `replay`.
    #[arg(long, value_name = "N", value_parser = positive)]
    pub max_steps: Option<usize>,
    /// Deepest Python call stack before RecursionError: 1 to 100000 (default 1000, as CPython).
    #[arg(long, value_name = "N", value_parser = recursion)]
    pub max_recursion: Option<usize>,
    /// Memory the heap may hold before MemoryError: bytes, or a number with a K, M or G suffix
    /// (default 512M).
    #[arg(long, value_name = "SIZE", value_parser = size)]
    pub max_heap: Option<usize>,
}

impl VmArgs {
    /// `base` with the limits the command line sets.
    pub fn limits(&self, base: Limits) -> Limits {
        Limits {
            max_steps: self.max_steps.map(|n| n as u64).or(base.max_steps),
            max_recursion: self.max_recursion.unwrap_or(base.max_recursion),
            max_heap: self.max_heap.unwrap_or(base.max_heap),
            deadline: base.deadline,
        }
    }

    /// The limit flags that differ from `base`, as they are typed (for a printed replay command).
    pub fn limit_flags(&self) -> String {
        let mut flags = String::new();
        if let Some(n) = self.max_steps {
            flags.push_str(&format!(" --max-steps {n}"));
        }
        if let Some(n) = self.max_recursion {
            flags.push_str(&format!(" --max-recursion {n}"));
        }
        if let Some(n) = self.max_heap {
            flags.push_str(&format!(" --max-heap {n}"));
        }
        flags
    }
}

/// The most `--jobs` accepted: each job is an OS thread with its own 8 MB stack.
pub const MAX_JOBS: usize = 256;

/// Parses a positive integer (`--iterations`, the limits).
pub fn positive(text: &str) -> Result<usize, String> {
    match text.trim().parse::<usize>() {
        Ok(n) if n > 0 => Ok(n),
        _ => Err(format!("must be a positive integer, found '{text}'")),
    }
}

/// The deepest `--max-recursion`: Python calls need no native stack, but comparing or printing a
/// nested list recurses natively, one level per nesting.
pub const MAX_RECURSION: usize = 100_000;

fn recursion(text: &str) -> Result<usize, String> {
    match positive(text)? {
        n if n <= MAX_RECURSION => Ok(n),
        n => Err(format!("at most {MAX_RECURSION}, found {n}")),
    }
}

/// Parses a size: `4096`, `64K`, `512M`, `2G` (binary multiples).
pub fn size(text: &str) -> Result<usize, String> {
    let t = text.trim();
    let (digits, shift) = match t.char_indices().last() {
        Some((i, 'k' | 'K')) => (&t[..i], 10),
        Some((i, 'm' | 'M')) => (&t[..i], 20),
        Some((i, 'g' | 'G')) => (&t[..i], 30),
        _ => (t, 0),
    };
    digits
        .parse::<usize>()
        .ok()
        .filter(|&n| n > 0)
        .and_then(|n| n.checked_mul(1 << shift))
        .ok_or_else(|| format!("expected a positive size such as 4096, 64K, 512M or 2G, found '{text}'"))
}

/// Parses `--jobs`: 1 to [`MAX_JOBS`].
fn jobs(text: &str) -> Result<usize, String> {
    match positive(text)? {
        n if n <= MAX_JOBS => Ok(n),
        n => Err(format!("at most {MAX_JOBS} jobs, found {n}")),
    }
}
