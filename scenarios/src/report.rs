//! Printing check results: one line (or JSON object) per scenario and scheduler.

use crate::cli::Format;
use emlab_scheduler::SchedulerKind;
use emlab_vm::ViolationKind;
use std::path::PathBuf;

/// The verdict of one scenario under one scheduler.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    Pass,
    Fail,
    Skipped,
    /// No verdict within `--timeout` (counts as a failure).
    Timeout,
}

impl Verdict {
    pub fn name(self) -> &'static str {
        match self {
            Verdict::Pass => "pass",
            Verdict::Fail => "fail",
            Verdict::Skipped => "skipped",
            Verdict::Timeout => "timeout",
        }
    }
}

/// Everything known about one (scenario, scheduler) pair.
#[derive(Debug, Clone)]
pub struct PairResult {
    pub scenario: String,
    pub path: PathBuf,
    pub scheduler: SchedulerKind,
    pub schedules: usize,
    pub expected: String,
    pub found: Vec<ViolationKind>,
    pub verdict: Verdict,
    pub replay: Option<String>,
    pub seconds: f64,
    pub skipped: Option<String>,
    /// The (minimized, for failures) trace of the first schedule that showed a violation.
    pub trace: Option<String>,
    /// How much the trace shrank, when it was minimized.
    pub shrink: Option<Shrink>,
}

/// (preemptions, steps) before and after minimization, and the replays it took.
#[derive(Debug, Clone, Copy)]
pub struct Shrink {
    pub before: (usize, usize),
    pub after: (usize, usize),
    pub replays: usize,
}

fn found_text(found: &[ViolationKind]) -> String {
    if found.is_empty() {
        "nothing".to_string()
    } else {
        found.iter().map(|k| k.name()).collect::<Vec<_>>().join(", ")
    }
}

/// Prints one result as a text line (plus trace and replay command on failure) or a JSON object.
pub fn print(result: &PairResult, format: Format) {
    match format {
        Format::Json => println!("{}", json(result)),
        Format::Text => {
            let status = match result.verdict {
                Verdict::Pass => "PASS",
                Verdict::Fail => "FAIL",
                Verdict::Skipped => "SKIP",
                Verdict::Timeout => "TIME",
            };
            let detail = match (&result.skipped, result.verdict) {
                (Some(reason), _) => reason.clone(),
                (None, Verdict::Fail) => {
                    format!("expected {}, found {}", result.expected, found_text(&result.found))
                }
                (None, _) => format!("expected {}", result.expected),
            };
            println!(
                "{status} {:<40} {:<6} {:>6} schedules  {:>6.2}s  {detail}",
                result.scenario,
                result.scheduler.name(),
                result.schedules,
                result.seconds
            );
            if result.verdict == Verdict::Fail {
                if let Some(Shrink { before: (p0, s0), after: (p1, s1), replays }) = result.shrink {
                    println!("  minimized: {p0} preemptions -> {p1}, {s0} steps -> {s1} ({replays} replays)");
                }
                if let Some(trace) = &result.trace {
                    for line in trace.lines() {
                        println!("  {line}");
                    }
                }
                match &result.replay {
                    Some(cmd) => println!("  replay: {cmd}"),
                    None if result.trace.is_none() => {
                        println!("  no explored schedule showed the expected violation")
                    }
                    None => {}
                }
            }
        }
    }
}

/// The closing line: `N passed, M failed` (and how many were skipped).
pub fn print_summary(results: &[PairResult]) {
    let count = |v: Verdict| results.iter().filter(|r| r.verdict == v).count();
    let (skipped, timed_out) = (count(Verdict::Skipped), count(Verdict::Timeout));
    let failed = count(Verdict::Fail) + timed_out;
    let mut line = format!("{} passed, {failed} failed", count(Verdict::Pass));
    if timed_out > 0 {
        line.push_str(&format!(" ({timed_out} timed out)"));
    }
    if skipped > 0 {
        line.push_str(&format!(", {skipped} skipped"));
    }
    println!("{line}");
}

/// The JSON object of DESIGN "The command line".
pub fn json(result: &PairResult) -> String {
    serde_json::json!({
        "scenario": result.scenario,
        "scheduler": result.scheduler.name(),
        "schedules": result.schedules,
        "expected": result.expected,
        "found": result.found.iter().map(|k| k.name()).collect::<Vec<_>>(),
        "verdict": result.verdict.name(),
        "replay": result.replay,
        "seconds": (result.seconds * 1000.0).round() / 1000.0,
    })
    .to_string()
}
