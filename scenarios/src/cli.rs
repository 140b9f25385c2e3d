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
    /// How emlab's own diagnostics are written when `EMLAB_LOG` turns them on (e.g.
    /// `EMLAB_LOG=emlab_scheduler::dpor=debug`): text, or one JSON object per event.
    #[arg(long, global = true, value_enum, default_value_t = crate::logging::LogFormat::Text)]
    pub log_format: crate::logging::LogFormat,
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
    /// The bundled scenario suite: list it, or write it out for editing.
    ///
    /// `emlab check` with no path checks the bundled suite; `suite:eml` names one of its folders and
    /// `suite:eml/transfer.py` one file, wherever emlab runs.
    Suite(SuiteArgs),
    /// Combine the JSON lines of `emlab check --shard I/N` runs into one run's output.
    ///
    /// Prints the same result lines, summary line and exit code as one unsharded run (schedules and
    /// seconds add up the shards' work). Exits 2 when a shard is missing, truncated or repeated.
    Merge(MergeArgs),
    /// Write generated, always-valid scenarios (swarm testing; the `program` fuzz target's generator).
    ///
    /// `--seed S --count N DIR` writes N scenarios, the same ones for the same seed; `--threads 0`
    /// makes single-threaded programs whose output is deterministic; `--from-fuzz ARTIFACT DIR`
    /// decodes one input of the `program` fuzz target and prints the check command that reproduces it.
    Generate(crate::generate::command::GenerateArgs),
}

#[derive(Debug, clap::Args)]
pub struct SuiteArgs {
    #[command(subcommand)]
    pub command: SuiteCommand,
}

#[derive(Debug, Subcommand)]
pub enum SuiteCommand {
    /// List the bundled scenarios (as `suite:NAME`), with their expectation and description.
    List,
    /// Write the bundled suite (scenarios and README) into DIR, keeping its folders.
    ///
    /// Exits 2 if a file there already exists with other contents (unless --force).
    Export {
        /// The folder to write into (created if missing).
        dir: PathBuf,
        /// Overwrite files that differ from the bundled ones.
        #[arg(long)]
        force: bool,
    },
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
    /// Explore with this scheduler (repeatable): random, pct, dfs, dpor, loom, os. Default: the
    /// scenario's `# schedulers:`, else random, pct, dfs, dpor and loom.
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
    /// Explore schedules on N cores at once: random, pct and os split their iterations, dpor
    /// shares one search tree between N workers (dfs, loom and exhaustive run on one); 1 to 256.
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
    /// Exhaustive schedulers (dpor, dfs) explore schedules with at most K preemptions; the result
    /// then says `bounded: K preemptions` instead of `complete`.
    #[arg(long, value_name = "K")]
    pub preemption_bound: Option<usize>,
    /// After a complete dpor exploration, run N random schedules and check that each one's outcome
    /// (output and violation kinds) was among those dpor saw; a miss is a bug in emlab, reported
    /// with both replay commands, and fails the result.
    #[arg(long, value_name = "N", default_value_t = 0)]
    pub audit: usize,
    /// Run shard I of N (counting from 1): a deterministic, disjoint share of the work. Exhaustive
    /// schedulers' pairs go round-robin; randomized ones (random, pct, os) split their iterations
    /// and seeds into N parts. Combine the shards' `--format json` output with `emlab merge`.
    #[arg(long, value_name = "I/N")]
    pub shard: Option<crate::shard::Shard>,
    /// Write an HTML report into DIR: index.html with every result, and a page of swimlanes for
    /// every result that found a violation.
    #[arg(long, value_name = "DIR")]
    pub report: Option<PathBuf>,
    #[command(flatten)]
    pub vm: VmArgs,
}

#[derive(Debug, clap::Args)]
pub struct MergeArgs {
    /// JSON-lines files written by `emlab check --shard I/N --format json` (every shard's, in any
    /// order), or by unsharded runs of disjoint scenarios.
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
    /// Print one line per result (text) or one JSON object per result (json).
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
}

#[derive(Debug, clap::Args)]
pub struct ReplayArgs {
    /// The program or scenario file.
    pub file: PathBuf,
    /// The schedule to replay, as `emlab check` printed it (e.g. `0x22.1x13.0x20` or `loom:17`).
    #[arg(long)]
    pub schedule: String,
    /// Also write the trace as an HTML page of swimlanes to FILE.
    #[arg(long, value_name = "FILE")]
    pub html: Option<PathBuf>,
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
    /// List every construct of the program that emlab does not run, instead of running it:
    /// syntax outside the subset, modules, imported names, module attributes and builtins emlab
    /// does not have. One `FILE:LINE:COL: message` line each, then a count; exits 0 when there
    /// is none, 1 when there are some, 2 on a syntax error that is a mistake in the program.
    #[arg(long, conflicts_with = "disassemble")]
    pub list_unsupported: bool,
    #[command(flatten)]
    pub vm: VmArgs,
}

/// How the VM runs: its mode and any seeded bugs.
#[derive(Debug, Clone, clap::Args)]
pub struct VmArgs {
    /// How core code and extension calls are excluded: eml (free-threaded core, exclusive
    /// extension calls), gil, nogil (no exclusion), gil-on-import (a GIL once a module that is not
    /// free-threaded is imported).
    /// `emlab check` also takes `all`: every scenario under each of the four modes, reported as a
    /// scenario x mode table of the violations found instead of verdicts.
    #[arg(long, value_name = "MODE")]
    pub mode: Option<ModeArg>,
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
    /// Memory the heap may hold before MemoryError: bytes, or a number with a K, M or G suffix.
    /// Default under `run`: half the memory the machine gives emlab (its RAM, or the cgroup's or
    /// `ulimit -v`'s limit when lower); under `check` and `replay`: 512M.
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

/// `--mode`: one mode, or (for `emlab check` only) `all` of them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ModeArg {
    One(Mode),
    All,
}

impl std::str::FromStr for ModeArg {
    type Err = String;

    fn from_str(s: &str) -> Result<ModeArg, String> {
        if s == "all" {
            return Ok(ModeArg::All);
        }
        s.parse::<Mode>().map(ModeArg::One).map_err(|e| format!("{e} (or 'all', for emlab check)"))
    }
}

impl VmArgs {
    /// The one mode asked for, if any; Err for `all`, which only `emlab check` takes.
    pub fn single_mode(&self) -> Result<Option<Mode>, String> {
        match self.mode {
            None => Ok(None),
            Some(ModeArg::One(mode)) => Ok(Some(mode)),
            Some(ModeArg::All) => Err("emlab: --mode all is only for `emlab check`; pick one mode".to_string()),
        }
    }
}
