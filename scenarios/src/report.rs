//! Check results: one line (or JSON object) per scenario, mode and scheduler, and the verdict rule.

use crate::cli::Format;
use crate::scenario::Expectation;
use crate::shard::{Part, Shard};
use emlab_scheduler::SchedulerKind;
use emlab_vm::{Mode, ViolationKind};
use std::path::PathBuf;

/// The verdict of one scenario under one scheduler.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    Pass,
    Fail,
    Skipped,
    /// One part of a split exploration (`--shard`) did not find the expected violation; the other
    /// parts may have: `emlab merge` decides.
    Pending,
    /// No verdict within `--timeout` (counts as a failure).
    Timeout,
}

impl Verdict {
    pub fn name(self) -> &'static str {
        match self {
            Verdict::Pass => "pass",
            Verdict::Fail => "fail",
            Verdict::Skipped => "skipped",
            Verdict::Pending => "pending",
            Verdict::Timeout => "timeout",
        }
    }

    pub fn parse(name: &str) -> Option<Verdict> {
        [Verdict::Pass, Verdict::Fail, Verdict::Skipped, Verdict::Pending].into_iter().find(|v| v.name() == name)
    }
}

/// The verdict rule of DESIGN: `expect: violation K...` passes when one of the kinds was found and
/// no vm-panic; `expect: pass` when nothing was found. A part of a split exploration that has not
/// (yet) found an expected violation is [`Verdict::Pending`].
pub fn judge(expect: &Expectation, found: &[ViolationKind], skipped: bool, partial: bool) -> Verdict {
    if skipped {
        return Verdict::Skipped;
    }
    match expect {
        Expectation::Pass if found.is_empty() => Verdict::Pass,
        Expectation::Pass => Verdict::Fail,
        Expectation::Violation(_) if found.contains(&ViolationKind::VmPanic) => Verdict::Fail,
        Expectation::Violation(kinds) if found.iter().any(|k| kinds.contains(k)) => Verdict::Pass,
        Expectation::Violation(_) if partial => Verdict::Pending,
        Expectation::Violation(_) => Verdict::Fail,
    }
}

/// Everything known about one (scenario, mode, scheduler) result, or one part of it.
#[derive(Debug, Clone)]
pub struct PairResult {
    pub scenario: String,
    pub path: PathBuf,
    pub scheduler: SchedulerKind,
    pub mode: Mode,
    pub schedules: usize,
    /// The expectation; None under `--mode all`, which reports what it finds instead of verdicts.
    pub expected: Option<String>,
    pub found: Vec<ViolationKind>,
    /// None under `--mode all`.
    pub verdict: Option<Verdict>,
    pub replay: Option<String>,
    pub seconds: f64,
    pub skipped: Option<String>,
    /// Whether every interleaving class was covered. None until the exploration reports it: this
    /// is where `Exploration::complete` goes once the scheduler crate carries it.
    pub complete: Option<bool>,
    /// What bounded the exploration (`bounded: 2 preemptions`), or `complete`.
    pub coverage: Option<String>,
    /// `dpor`: how many executions ended sleep-set blocked (spent on states explored already).
    pub sleep_blocked: Option<usize>,
    /// The (minimized, for failures) trace of the first schedule that showed a violation.
    pub trace: Option<String>,
    /// How much the trace shrank, when it was minimized.
    pub shrink: Option<Shrink>,
    /// Where this result sits in an unsharded run's order (results of `--shard` carry it to merge).
    pub pair: usize,
    /// With `--shard`: the shard that ran it, and for a split exploration which part it was.
    pub shard: Option<Shard>,
    pub part: Option<Part>,
    /// The traces to draw with `--report`: the minimized one and the one as found (empty without
    /// `--report`, or when no schedule showed a violation).
    pub views: Vec<crate::html::TraceView>,
}

/// (preemptions, steps) before and after minimization, and the replays it took.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shrink {
    pub before: (usize, usize),
    pub after: (usize, usize),
    pub replays: usize,
}

impl Shrink {
    /// What minimization did, for the text and the HTML report alike: `fewest preemptions 1 (was
    /// 2), steps 64 (was 54), 40 replays` (fewer preemptions come first; the steps may grow), or
    /// that nothing was minimized (a loom schedule: nothing was replayed).
    pub fn describe(&self) -> String {
        let Shrink { before: (p0, s0), after: (p1, s1), replays } = *self;
        if replays == 0 {
            return "none (a loom run that did not reproduce under shuttle is shown as found)".to_string();
        }
        let was = |now: usize, then: usize| {
            if now == then {
                format!("{now} (unchanged)")
            } else {
                format!("{now} (was {then})")
            }
        };
        format!("fewest preemptions {}, steps {}, {replays} replays", was(p1, p0), was(s1, s0))
    }
}

/// `nothing`, or the kinds joined by commas.
pub fn found_text(found: &[ViolationKind]) -> String {
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
        Format::Text => print!("{}", text(result)),
    }
}

/// The text of one result: its line, and on failure the trace and the replay command.
pub fn text(result: &PairResult) -> String {
    text_with(result, None)
}

/// [`text`], with a failure's trace replaced by a line naming the result that shows it
/// (`stands_in`: that result's scheduler, and whether it comes below or above).
fn text_with(result: &PairResult, stands_in: Option<(&str, &str)>) -> String {
    let mut out = String::new();
    let part = result.part.map(|part| format!("  [part {part}]")).unwrap_or_default();
    let Some(verdict) = result.verdict else {
        // `--mode all`: what this mode allowed, no verdict.
        return format!(
            "{:<13} {:<40} {:<6} {:>6} schedules  {:>6.2}s  found {}{part}\n",
            result.mode.name(),
            result.scenario,
            result.scheduler.name(),
            result.schedules,
            result.seconds,
            result.skipped.clone().unwrap_or_else(|| found_text(&result.found))
        );
    };
    let status = match verdict {
        Verdict::Pass => "PASS",
        Verdict::Fail => "FAIL",
        Verdict::Skipped => "SKIP",
        Verdict::Pending => "PEND",
        Verdict::Timeout => "TIME",
    };
    let expected = result.expected.as_deref().unwrap_or("");
    let mut detail = match (&result.skipped, verdict) {
        (Some(reason), _) => reason.clone(),
        (None, Verdict::Fail) => format!("expected {expected}, found {}", found_text(&result.found)),
        (None, Verdict::Pending) => format!("expected {expected}, not found in this part: merge decides"),
        (None, _) => match &result.coverage {
            Some(coverage) => format!("expected {expected}  ({coverage})"),
            None => format!("expected {expected}"),
        },
    };
    detail.push_str(&part);
    out.push_str(&format!(
        "{status} {:<40} {:<6} {:>6} schedules  {:>6.2}s  {detail}\n",
        result.scenario,
        result.scheduler.name(),
        result.schedules,
        result.seconds
    ));
    if verdict == Verdict::Fail {
        if let Some((scheduler, place)) = stands_in {
            out.push_str(&format!(
                "  trace: as {scheduler}'s {place}, which found the same with the fewest preemptions\n"
            ));
        } else {
            if let Some(shrink) = result.shrink {
                out.push_str(&format!("  minimized: {}\n", shrink.describe()));
            }
            if let Some(trace) = &result.trace {
                for line in trace.lines() {
                    out.push_str(&format!("  {line}\n"));
                }
            }
        }
        match &result.replay {
            Some(cmd) => out.push_str(&format!("  replay: {cmd}\n")),
            None if result.trace.is_none() => out.push_str("  no explored schedule showed the expected violation\n"),
            None => {}
        }
    }
    out
}

/// The text of one scenario's results in one mode, in order: every result's line, and one trace
/// for each set of violation kinds found — the best minimized one (fewest preemptions, then
/// steps) among the schedulers that found those kinds, instead of one near-identical trace per
/// scheduler. The others name the scheduler whose trace stands for theirs, and keep their own
/// replay command.
pub fn text_group(results: &[PairResult]) -> String {
    let has_trace = |r: &PairResult| r.verdict == Some(Verdict::Fail) && r.trace.is_some();
    // A loom run that did not reproduce under shuttle is not minimized and counts no steps: it
    // stands for others only alone.
    let rank = |r: &PairResult| {
        let as_found = r.scheduler == SchedulerKind::Loom && !matches!(r.shrink, Some(s) if s.replays > 0);
        (as_found, r.shrink.map_or((usize::MAX, usize::MAX), |s| s.after))
    };
    let best_for = |r: &PairResult| {
        results
            .iter()
            .enumerate()
            .filter(|(_, o)| has_trace(o) && o.found == r.found)
            .min_by_key(|(i, o)| (rank(o), *i))
            .map(|(i, _)| i)
    };
    let mut out = String::new();
    for (i, r) in results.iter().enumerate() {
        let stands_in = best_for(r)
            .filter(|&b| has_trace(r) && b != i)
            .map(|b| (results[b].scheduler.name(), if b > i { "below" } else { "above" }));
        out.push_str(&text_with(r, stands_in));
    }
    out
}

/// The closing line: `N passed, M failed` (and how many timed out, were skipped or are pending).
pub fn summary(results: &[PairResult]) -> String {
    let count = |v: Verdict| results.iter().filter(|r| r.verdict == Some(v)).count();
    let timed_out = count(Verdict::Timeout);
    let mut line = format!("{} passed, {} failed", count(Verdict::Pass), count(Verdict::Fail) + timed_out);
    if timed_out > 0 {
        line.push_str(&format!(" ({timed_out} timed out)"));
    }
    for v in [Verdict::Skipped, Verdict::Pending] {
        if count(v) > 0 {
            line.push_str(&format!(", {} {}", count(v), v.name()));
        }
    }
    line
}

/// The exit code of a set of results: 1 when one failed or timed out, else 0.
pub fn exit_code(results: &[PairResult]) -> i32 {
    if results.iter().any(|r| matches!(r.verdict, Some(Verdict::Fail | Verdict::Timeout))) {
        crate::exit::PROGRAM_ERROR
    } else {
        crate::exit::OK
    }
}

/// The JSON object of DESIGN "The command line". Results of `--shard` also carry what
/// `emlab merge` needs: `pair`, `shard`, `part`, and a failure's `trace` and `minimized`.
pub fn json(result: &PairResult) -> String {
    let mut object = serde_json::json!({
        "scenario": result.scenario,
        "scheduler": result.scheduler.name(),
        "schedules": result.schedules,
        "expected": result.expected,
        "found": result.found.iter().map(|k| k.name()).collect::<Vec<_>>(),
        "verdict": result.verdict.map(Verdict::name),
        "replay": result.replay,
        "seconds": (result.seconds * 1000.0).round() / 1000.0,
    });
    let map = object.as_object_mut().expect("an object");
    if let Some(complete) = result.complete {
        map.insert("complete".into(), complete.into());
    }
    if let Some(coverage) = &result.coverage {
        map.insert("coverage".into(), coverage.clone().into());
    }
    if let Some(blocked) = result.sleep_blocked {
        map.insert("sleep_blocked".into(), blocked.into());
    }
    map.insert("mode".into(), result.mode.name().into());
    if let Some(shard) = result.shard {
        map.insert("shard".into(), shard.to_string().into());
        map.insert("pair".into(), result.pair.into());
        if let Some(part) = result.part {
            map.insert("part".into(), part.to_string().into());
        }
        if let Some(reason) = &result.skipped {
            map.insert("skipped".into(), reason.clone().into());
        }
        if result.verdict == Some(Verdict::Fail) {
            map.insert("trace".into(), result.trace.clone().into());
            if let Some(s) = result.shrink {
                map.insert(
                    "minimized".into(),
                    serde_json::json!({
                        "preemptions": [s.before.0, s.after.0],
                        "steps": [s.before.1, s.after.1],
                        "replays": s.replays,
                    }),
                );
            }
        }
    }
    object.to_string()
}

#[cfg(test)]
mod tests {
    use super::Shrink;

    #[test]
    fn minimization_says_what_it_kept_and_what_it_was() {
        let shrink = Shrink { before: (2, 54), after: (1, 64), replays: 40 };
        assert_eq!(shrink.describe(), "fewest preemptions 1 (was 2), steps 64 (was 54), 40 replays");
        let same = Shrink { before: (1, 30), after: (1, 30), replays: 12 };
        assert_eq!(same.describe(), "fewest preemptions 1 (unchanged), steps 30 (unchanged), 12 replays");
        let loom = Shrink { before: (0, 0), after: (0, 0), replays: 0 };
        assert_eq!(loom.describe(), "none (a loom run that did not reproduce under shuttle is shown as found)");
    }
}
