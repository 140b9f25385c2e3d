//! `emlab bench`: time benchmark programs on emlab's VM and, optionally, under CPython.
//!
//! Each program is compiled once per thread count, then run `--repeat` times in this process on
//! real threads; the reported time is the fastest run, from starting the VM to the end of the
//! program (compilation excluded). With `--python CMD` the same source also runs under that
//! CPython, in a fresh child process per run with `scenarios/python` on `PYTHONPATH` so that
//! `spawn`, `join` and `Lock` exist. Its time is taken inside that process around the program
//! alone, so CPython's start-up and compilation are excluded as emlab's are. CPython's stdout must
//! equal emlab's output, or the measurement fails: a benchmark that computes something else is not
//! a comparison.
//!
//! Thread counts: a program with a top-level `THREADS = ...` line runs once per `--threads` value,
//! with that line rewritten to `THREADS = T`; a program without one is measured at 1 thread only.
//! The bundled benchmarks give every thread a full share of work, so the table's `speedup N vs 1`
//! columns are `N × time(1) / time(N)`: work per second against one thread, ideally `N`.
//!
//! The EML's own cost (`--ext-share 0.1,1,10`): a program with a top-level `EVERY = ...` line (the
//! bundled `ext_mix.py` by default) calls a non-free-threaded extension in one iteration out of
//! `EVERY`; it runs once per share and thread count (1 and 2 unless `--threads` says otherwise),
//! in `eml` and `gil-on-import` unless `--mode` says otherwise, and the table shows each mode's
//! speedup per share next to the promotions the `eml` run made and their latency, median and 99th
//! percentile (see `emlab_vm::PromotionStats`).

mod curve;
mod python;
pub mod report;
pub mod rewrite;

use crate::cli::Format;
use crate::exit;
use emlab_vm::bytecode::Program;
use emlab_vm::platform::Native;
use emlab_vm::{compile_source, Mode, PromotionSummary, Vm, VmConfig};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use python::{output_mismatch, Python, Scratch};
use report::Measurement;
use rewrite::{parse_share, parse_thread_count, ExtShare};
pub use rewrite::{with_every, with_threads};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::Instant;

/// The bundled benchmarks, written out from the binary (see [`crate::bundled::materialize`]); the
/// checkout's `scenarios/bench` if that fails.
pub fn bundled_benchmarks() -> PathBuf {
    crate::bundled::materialize("bench").unwrap_or_else(|_| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("bench"))
}

/// The CPython prelude (`spawn`, `join`, `Lock`), put on the child CPython's `PYTHONPATH`: the
/// bundled copy written out from the binary; the checkout's `scenarios/python` if that fails.
pub fn python_prelude() -> PathBuf {
    static PRELUDE: std::sync::OnceLock<PathBuf> = std::sync::OnceLock::new();
    PRELUDE
        .get_or_init(|| {
            crate::bundled::materialize("python")
                .unwrap_or_else(|_| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("python"))
        })
        .clone()
}

#[derive(Debug, Clone, clap::Args)]
pub struct BenchArgs {
    /// Benchmark programs, or directories searched recursively for *.py (default: the bundled
    /// benchmarks).
    pub paths: Vec<PathBuf>,
    /// Thread counts, comma-separated (e.g. 1,2,4). A program with a top-level `THREADS = ...`
    /// line runs once per count with that line rewritten; any other program at 1 thread only.
    /// Default: 1 (with --ext-share: 1,2). The table's `speedup N vs 1` is N × time(1) / time(N).
    #[arg(long, value_name = "LIST", value_delimiter = ',', value_parser = parse_thread_count)]
    pub threads: Vec<usize>,
    /// Run mode (repeatable): eml, gil, nogil, gil-on-import. Default: eml (with --ext-share: eml
    /// and gil-on-import).
    #[arg(long, value_name = "MODE")]
    pub mode: Vec<Mode>,
    /// The EML's cost curve: percentages of iterations that call a non-free-threaded extension,
    /// comma-separated (e.g. 0.1,1,10). Runs programs with a top-level `EVERY = ...` line (default:
    /// the bundled ext_mix.py) with that line set to round(100 / share), and prints, per share,
    /// each mode's speedup and eml's promotions with their latency, median and p99 (stop request
    /// → every other thread parked; → call done and the world resumed).
    #[arg(long, value_name = "LIST", value_delimiter = ',', value_parser = parse_share)]
    pub ext_share: Vec<ExtShare>,
    /// Also run every program under this CPython command (e.g. `python3`, or "python3.13t -X
    /// gil=0"; split at spaces), check that it prints what emlab printed, and show python/emlab.
    #[arg(long, value_name = "CMD")]
    pub python: Option<String>,
    /// text: an aligned table; json: one object per measurement.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// Runs per measurement; the fastest one is reported.
    #[arg(long, value_name = "N", default_value_t = 3, value_parser = clap::value_parser!(u32).range(1..))]
    pub repeat: u32,
}

/// One benchmark program at one thread count (and, with `--ext-share`, one share), compiled.
struct Job {
    threads: usize,
    share: Option<ExtShare>,
    /// The source as run: the file's, with `THREADS` and `EVERY` rewritten where it has them.
    source: String,
    /// Whether `source` differs from the file's (CPython then runs a rewritten copy).
    rewritten: bool,
    program: Program,
}

/// A benchmark file and the jobs it yields for the requested thread counts.
struct Benchmark {
    name: String,
    path: PathBuf,
    /// Whether the program has a `THREADS = ...` line (else it runs at 1 thread only).
    threaded: bool,
    jobs: Vec<Job>,
}

/// The *.py files under `paths`, each with its display name, sorted by name.
fn discover(paths: &[PathBuf]) -> Result<Vec<(String, PathBuf)>, String> {
    fn walk(dir: &Path, found: &mut Vec<(String, PathBuf)>) -> std::io::Result<()> {
        crate::source::walk_py(dir, &mut |path| {
            let name = path.strip_prefix(dir).unwrap_or(&path).to_string_lossy().replace('\\', "/");
            found.push((name, path));
        })
    }
    let mut found = Vec::new();
    for path in paths {
        if path.is_dir() {
            walk(path, &mut found).map_err(|e| format!("emlab: cannot read {}: {e}", path.display()))?;
        } else if path.is_file() {
            found.push((path.file_name().unwrap_or_default().to_string_lossy().into_owned(), path.clone()));
        } else {
            return Err(format!("emlab: {}: {}", path.display(), crate::source::not_a_file_or_directory(path)));
        }
    }
    found.sort();
    found.dedup_by(|a, b| a.1 == b.1);
    Ok(found)
}

/// Reads and compiles every benchmark once per thread count it runs at, and with `shares` once per
/// share too (programs without an `EVERY = ...` line are then left out: their names are returned).
fn load(paths: &[PathBuf], counts: &[usize], shares: &[ExtShare]) -> Result<(Vec<Benchmark>, Vec<String>), String> {
    let found = discover(paths)?;
    if found.is_empty() {
        let shown: Vec<_> = paths.iter().map(|p| p.display().to_string()).collect();
        return Err(format!("emlab: no benchmark programs (*.py) found in {}", shown.join(", ")));
    }
    let mut benchmarks = Vec::new();
    let mut unshared = Vec::new();
    for (name, path) in found {
        let file = path.display().to_string();
        let original = crate::source::read_source(&path).map_err(|message| format!("emlab: {message}"))?;
        let threaded = with_threads(&original, 1).is_some();
        if !shares.is_empty() && with_every(&original, 1).is_none() {
            unshared.push(name);
            continue;
        }
        let shares: Vec<Option<ExtShare>> =
            if shares.is_empty() { vec![None] } else { shares.iter().copied().map(Some).collect() };
        let mut jobs = Vec::new();
        for share in shares {
            for &threads in counts.iter().filter(|&&t| threaded || t == 1) {
                let source = with_threads(&original, threads).unwrap_or_else(|| original.clone());
                let source = share.and_then(|s| with_every(&source, s.every)).unwrap_or(source);
                let program = compile_source(&source, &file)
                    .map_err(|e| crate::diagnostics::render_syntax_error(&file, &source, &e))?;
                jobs.push(Job { threads, share, rewritten: source != original, source, program });
            }
        }
        benchmarks.push(Benchmark { name, path, threaded, jobs });
    }
    Ok((benchmarks, unshared))
}

/// What one measured emlab run gives: seconds, output, and its promotions if it promoted.
type EmlabRun = (f64, String, Option<PromotionSummary>);

/// Runs `job` `repeat` times on emlab's VM: the fastest run's time, output and promotions.
fn time_emlab(job: &Job, file: &str, mode: Mode, repeat: u32) -> Result<EmlabRun, String> {
    let mut best = (f64::INFINITY, String::new(), None);
    for _ in 0..repeat {
        let config = VmConfig { capture_output: true, print_errors: false, mode, ..VmConfig::default() };
        let started = Instant::now();
        let vm = Vm::<Native>::new(job.program.clone(), config).map_err(|e| format!("the VM did not start: {e}"))?;
        let promotions = vm.promotion_stats();
        let outcome = vm.run();
        let seconds = started.elapsed().as_secs_f64();
        if let Some(error) = outcome.uncaught.first() {
            let line = |n: u32| job.source.lines().nth((n as usize).saturating_sub(1)).map(str::to_string);
            return Err(format!("uncaught error in thread t{}:\n{}", error.thread, error.render(file, line)));
        }
        if seconds < best.0 {
            let promotions = Some(promotions.summary()).filter(|p| p.count > 0);
            best = (seconds, outcome.output, promotions);
        }
    }
    Ok(best)
}

/// Runs `emlab bench` and returns the exit code: 0, 1 when a program failed or disagreed with
/// CPython, 2 on usage or input errors.
pub fn bench(args: &BenchArgs) -> i32 {
    let curve = !args.ext_share.is_empty();
    let mut counts = match (args.threads.is_empty(), curve) {
        (true, false) => vec![1],
        (true, true) => vec![1, 2],
        (false, _) => args.threads.clone(),
    };
    counts.sort_unstable();
    counts.dedup();
    if counts.is_empty() || counts[0] == 0 {
        eprintln!("emlab: --threads needs thread counts of at least 1, e.g. --threads 1,2,4");
        return exit::USAGE;
    }
    let mut modes: Vec<Mode> = Vec::new();
    let default_modes: &[Mode] = if curve { &[Mode::Eml, Mode::GilOnImport] } else { &[Mode::Eml] };
    for &mode in if args.mode.is_empty() { default_modes } else { &args.mode } {
        if !modes.contains(&mode) {
            modes.push(mode);
        }
    }
    let paths = match (args.paths.is_empty(), curve) {
        (false, _) => args.paths.clone(),
        (true, false) => vec![bundled_benchmarks()],
        (true, true) => vec![bundled_benchmarks().join("ext_mix.py")],
    };
    let mut shares: Vec<ExtShare> = Vec::new();
    for &share in &args.ext_share {
        if !shares.contains(&share) {
            shares.push(share);
        }
    }
    let loaded = load(&paths, &counts, &shares).and_then(|b| {
        let python = args.python.as_deref().map(Python::new).transpose()?;
        Ok((b, python))
    });
    let ((benchmarks, unshared), python) = match loaded {
        Ok(loaded) => loaded,
        Err(message) => {
            eprintln!("{}", message.trim_end());
            return exit::USAGE;
        }
    };
    let unthreaded: Vec<String> = benchmarks.iter().filter(|b| !b.threaded).map(|b| b.name.clone()).collect();
    let mut notes = report::notes(&unthreaded, &counts);
    if !unshared.is_empty() {
        notes
            .push(format!("no top-level `EVERY = ...` line, so not in the --ext-share curve: {}", unshared.join(", ")));
    }
    let total: usize = benchmarks.iter().map(|b| b.jobs.len() * modes.len()).sum();
    if total == 0 {
        eprintln!("emlab: nothing to measure: {}", notes.join("; "));
        return exit::USAGE;
    }
    let progress = ProgressBar::with_draw_target(Some(total as u64), ProgressDrawTarget::stderr());
    if !std::io::IsTerminal::is_terminal(&std::io::stderr()) {
        progress.set_draw_target(ProgressDrawTarget::hidden());
    }
    progress.set_style(
        ProgressStyle::with_template("{bar:30} {pos}/{len} {elapsed} {wide_msg}")
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    let scratch = Scratch::new();
    let mut python_runs: HashMap<(usize, usize), Result<(f64, String), String>> = HashMap::new();
    let mut measurements = Vec::new();
    for (b, bench) in benchmarks.iter().enumerate() {
        let file = bench.path.display().to_string();
        for &mode in &modes {
            for (j, job) in bench.jobs.iter().enumerate() {
                let threads = report::threads_text(job.threads);
                let share = job.share.map_or(String::new(), |s| format!(", {} ext calls", s.text()));
                let what = format!("{} [{mode}, {threads}{share}]", bench.name);
                progress.set_message(format!("running {what}..."));
                let mut m = Measurement { share: job.share, ..Measurement::new(&bench.name, mode, job.threads) };
                let emlab = time_emlab(job, &file, mode, args.repeat);
                let cpython = python.as_ref().map(|python| {
                    progress.set_message(format!("running {} [python, {threads}{share}]...", bench.name));
                    python_runs
                        .entry((b, j))
                        .or_insert_with(|| scratch.script(bench, job).and_then(|s| python.time(&s, args.repeat)))
                        .clone()
                });
                m.seconds = emlab.as_ref().ok().map(|(seconds, _, _)| *seconds);
                m.promotions = emlab.as_ref().ok().and_then(|(_, _, promotions)| *promotions);
                m.python_seconds = cpython.as_ref().and_then(|c| c.as_ref().ok()).map(|(seconds, _)| *seconds);
                m.error = match (emlab, cpython) {
                    (Err(e), _) | (Ok(_), Some(Err(e))) => Some(e),
                    (Ok((_, out, _)), Some(Ok((_, python_out)))) => output_mismatch(&out, &python_out),
                    (Ok(_), None) => None,
                };
                progress.suspend(|| match (&m.error, args.format) {
                    (Some(error), _) => eprintln!("emlab: {what}: {}", error.trim_end()),
                    (None, Format::Json) => println!("{}", report::json(&m, report::speedup(&m, &measurements))),
                    (None, Format::Text) => {}
                });
                progress.inc(1);
                measurements.push(m);
            }
        }
    }
    progress.finish_and_clear();
    match args.format {
        Format::Text if curve => print!("{}", curve::table(&measurements, &notes)),
        Format::Text => print!("{}", report::table(&measurements, python.is_some(), &notes)),
        Format::Json => notes.iter().for_each(|note| eprintln!("note: {note}")),
    }
    if measurements.iter().any(|m| m.error.is_some()) {
        exit::PROGRAM_ERROR
    } else {
        exit::OK
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bundled_benchmarks_are_found_sorted() {
        let found = discover(&[bundled_benchmarks()]).unwrap();
        let names: Vec<_> = found.iter().map(|(name, _)| name.as_str()).collect();
        let mut sorted = names.clone();
        sorted.sort();
        assert_eq!(names, sorted);
        assert!(names.contains(&"fib.py") && names.contains(&"threads.py"), "{names:?}");
        assert!(discover(&[PathBuf::from("no/such/place.py")]).is_err());
    }
}
