//! `emlab merge FILE...`: the shards' JSON lines put back together as one run's output.
//!
//! Each shard of `emlab check --shard I/N --format json` prints its results (with the `pair`
//! number that orders them, and the `part` of a split exploration) and a closing
//! `{"shard": "I/N", "results": K}` object. Merging checks that every shard 1..N is there exactly
//! once and complete, joins the parts of each split exploration (kinds found united, schedules and
//! seconds added, the verdict judged again from the expectation), orders the results as the
//! unsharded run does, and ends as `emlab check` ends: the same summary line (or mode matrix) and
//! exit code.

use crate::check::finish;
use crate::cli::MergeArgs;
use crate::exit;
use crate::report::{self, judge, PairResult, Shrink, Verdict};
use crate::scenario::Expectation;
use crate::shard::Shard;
use emlab_scheduler::SchedulerKind;
use emlab_vm::{Mode, ViolationKind};
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::PathBuf;

/// Runs `emlab merge`; returns the exit code (that of the merged run, or 2 on bad input).
pub fn merge(args: &MergeArgs) -> i32 {
    let merged = read(&args.files).and_then(|(results, trailers)| combine(results, &trailers));
    match merged {
        Ok(results) => {
            let matrix = results.iter().any(|r| r.verdict.is_none());
            if !matrix {
                results.iter().for_each(|r| report::print(r, args.format));
            }
            finish(&results, args.format, matrix, None)
        }
        Err(message) => {
            eprintln!("emlab: {message}");
            exit::USAGE
        }
    }
}

/// A shard's closing object: which shard, how many results it printed, and where it was read.
#[derive(Debug, Clone)]
pub struct Trailer {
    pub shard: Shard,
    pub results: usize,
    pub file: String,
}

/// Reads every file's JSON lines: results and shard trailers.
pub fn read(files: &[PathBuf]) -> Result<(Vec<PairResult>, Vec<Trailer>), String> {
    let mut results = Vec::new();
    let mut trailers = Vec::new();
    for file in files {
        let name = file.display().to_string();
        let text = std::fs::read_to_string(file).map_err(|e| format!("cannot read {name}: {e}"))?;
        for (i, line) in text.lines().enumerate().filter(|(_, l)| !l.trim().is_empty()) {
            let at = format!("{name}:{}", i + 1);
            let value: Value = serde_json::from_str(line).map_err(|e| format!("{at}: not a JSON object: {e}"))?;
            if value.get("scenario").is_none() && value.get("shard").is_some() {
                let shard = field_str(&value, "shard", &at)?.parse().map_err(|e| format!("{at}: {e}"))?;
                let count =
                    value.get("results").and_then(Value::as_u64).ok_or(format!("{at}: no \"results\" count"))?;
                trailers.push(Trailer { shard, results: count as usize, file: at });
            } else {
                results.push(parse_result(&value, &at)?);
            }
        }
    }
    Ok((results, trailers))
}

fn field_str<'a>(value: &'a Value, key: &str, at: &str) -> Result<&'a str, String> {
    value.get(key).and_then(Value::as_str).ok_or_else(|| format!("{at}: missing or non-string \"{key}\""))
}

fn field_usize(value: &Value, key: &str, at: &str) -> Result<usize, String> {
    value.get(key).and_then(Value::as_u64).map(|n| n as usize).ok_or_else(|| format!("{at}: missing or bad \"{key}\""))
}

fn opt_str(value: &Value, key: &str) -> Option<String> {
    value.get(key).and_then(Value::as_str).map(str::to_string)
}

/// One result object as `emlab check --format json` printed it.
pub fn parse_result(value: &Value, at: &str) -> Result<PairResult, String> {
    let bad = |e: String| format!("{at}: {e}");
    let scheduler: SchedulerKind = field_str(value, "scheduler", at)?.parse().map_err(|e| bad(format!("{e}")))?;
    let mode: Mode = field_str(value, "mode", at)?.parse().map_err(|e| bad(format!("{e}")))?;
    let found = value
        .get("found")
        .and_then(Value::as_array)
        .ok_or_else(|| bad("missing \"found\"".into()))?
        .iter()
        .map(|k| k.as_str().unwrap_or_default().parse::<ViolationKind>().map_err(|e| bad(format!("{e}"))))
        .collect::<Result<Vec<_>, _>>()?;
    let verdict = match value.get("verdict") {
        Some(Value::Null) => None,
        Some(Value::String(v)) => Some(Verdict::parse(v).ok_or_else(|| bad(format!("unknown verdict '{v}'")))?),
        _ => return Err(bad("missing \"verdict\"".into())),
    };
    let expected = opt_str(value, "expected");
    if let Some(e) = &expected {
        e.parse::<Expectation>().map_err(|e| bad(format!("bad \"expected\": {e}")))?;
    }
    let shrink = value.get("minimized").filter(|m| !m.is_null()).map(|m| {
        let pair = |key: &str, i: usize| m[key][i].as_u64().unwrap_or(0) as usize;
        Shrink {
            before: (pair("preemptions", 0), pair("steps", 0)),
            after: (pair("preemptions", 1), pair("steps", 1)),
            replays: m["replays"].as_u64().unwrap_or(0) as usize,
        }
    });
    let shard = opt_str(value, "shard").map(|s| s.parse::<Shard>().map_err(&bad)).transpose()?;
    let part = opt_str(value, "part").map(|s| s.parse::<Shard>().map_err(&bad)).transpose()?;
    let pair = if shard.is_some() { field_usize(value, "pair", at)? } else { 0 };
    Ok(PairResult {
        scenario: field_str(value, "scenario", at)?.to_string(),
        path: PathBuf::new(),
        scheduler,
        mode,
        schedules: field_usize(value, "schedules", at)?,
        expected,
        found,
        verdict,
        replay: opt_str(value, "replay"),
        seconds: value.get("seconds").and_then(Value::as_f64).unwrap_or(0.0),
        skipped: opt_str(value, "skipped").or_else(|| (verdict == Some(Verdict::Skipped)).then(String::new)),
        complete: value.get("complete").and_then(Value::as_bool),
        coverage: opt_str(value, "coverage"),
        sleep_blocked: value.get("sleep_blocked").and_then(Value::as_u64).map(|n| n as usize),
        trace: opt_str(value, "trace"),
        shrink,
        pair,
        shard,
        part,
        views: Vec::new(),
    })
}

/// Checks that the shards are all there, once, and joins the parts; results in unsharded order.
pub fn combine(results: Vec<PairResult>, trailers: &[Trailer]) -> Result<Vec<PairResult>, String> {
    let sharded = results.iter().any(|r| r.shard.is_some()) || !trailers.is_empty();
    if sharded {
        check_shards(&results, trailers)?;
    }
    // Group by position in the unsharded run: `pair` for shards, order of appearance otherwise.
    let mut groups: BTreeMap<usize, Vec<PairResult>> = BTreeMap::new();
    let mut keys: Vec<(String, Mode, SchedulerKind)> = Vec::new();
    for r in results {
        let key = (r.scenario.clone(), r.mode, r.scheduler);
        let position = if sharded {
            r.pair
        } else {
            keys.iter().position(|k| *k == key).unwrap_or_else(|| {
                keys.push(key.clone());
                keys.len() - 1
            })
        };
        groups.entry(position).or_default().push(r);
    }
    groups.into_values().map(join_parts).collect()
}

fn check_shards(results: &[PairResult], trailers: &[Trailer]) -> Result<(), String> {
    let Some(count) = trailers.first().map(|t| t.shard.count).or(results.iter().find_map(|r| r.shard.map(|s| s.count)))
    else {
        return Ok(());
    };
    if let Some(r) = results.iter().find(|r| !matches!(r.shard, Some(s) if s.count == count)) {
        return Err(format!(
            "{} [{}, {}] is not from a run with --shard I/{count}: merge the shards of one run",
            r.scenario, r.mode, r.scheduler
        ));
    }
    for index in 1..=count {
        let shard = Shard { index, count };
        let closing: Vec<&Trailer> = trailers.iter().filter(|t| t.shard == shard).collect();
        match closing.as_slice() {
            [] => {
                return Err(format!(
                    "shard {shard} is missing or did not finish (no closing {{\"shard\": \"{shard}\"}} line): \
                     merge needs every shard's output"
                ))
            }
            [one] => {
                let printed = results.iter().filter(|r| r.shard == Some(shard)).count();
                if printed != one.results {
                    return Err(format!(
                        "shard {shard} ({}) promised {} results, found {printed}",
                        one.file, one.results
                    ));
                }
            }
            [first, second, ..] => {
                return Err(format!("shard {shard} appears twice ({} and {})", first.file, second.file))
            }
        }
    }
    if let Some(t) = trailers.iter().find(|t| t.shard.count != count) {
        return Err(format!("{}: shard {} is from a run with another shard count than {count}", t.file, t.shard));
    }
    Ok(())
}

/// One result from the results (whole, or the parts of a split exploration) of one pair.
fn join_parts(mut parts: Vec<PairResult>) -> Result<PairResult, String> {
    let first = &parts[0];
    let what = format!("{} [{}, {}]", first.scenario, first.mode, first.scheduler);
    if parts
        .iter()
        .any(|p| (p.scenario.as_str(), p.mode, p.scheduler) != (first.scenario.as_str(), first.mode, first.scheduler))
    {
        return Err(format!("results for {what} disagree on what pair they are: merge the shards of one run"));
    }
    if parts.len() > 1 && parts.iter().any(|p| p.part.is_none()) {
        return Err(format!("{what} appears more than once"));
    }
    parts.sort_by_key(|p| p.part.map(|s| s.index));
    if parts.windows(2).any(|w| w[0].part == w[1].part) {
        return Err(format!(
            "part {} of {what} appears more than once",
            parts[0].part.map(|p| p.to_string()).unwrap_or_default()
        ));
    }
    let mut merged = parts[0].clone();
    for p in &parts[1..] {
        for &kind in &p.found {
            if !merged.found.contains(&kind) {
                merged.found.push(kind);
            }
        }
        merged.schedules += p.schedules;
        merged.seconds += p.seconds;
    }
    merged.found.sort();
    let skipped = parts.iter().all(|p| p.skipped.is_some());
    merged.skipped = if skipped { parts[0].skipped.clone() } else { None };
    merged.replay = parts.iter().find_map(|p| p.replay.clone());
    let traced = parts.iter().find(|p| p.trace.is_some());
    merged.trace = traced.and_then(|p| p.trace.clone());
    merged.shrink = traced.and_then(|p| p.shrink);
    if merged.part.is_some() {
        // Parts of a randomized exploration are samples; one that stopped at a match says so.
        merged.complete = parts.iter().find_map(|p| p.complete).map(|_| false);
        let stopped = parts.iter().find(|p| p.coverage.as_deref().is_some_and(|c| c.starts_with("stopped")));
        merged.coverage = stopped.or(parts.first()).and_then(|p| p.coverage.clone());
    }
    merged.verdict = match &merged.expected {
        None => None,
        Some(expected) => {
            let expect: Expectation = expected.parse().map_err(|e| format!("{what}: {e}"))?;
            Some(judge(&expect, &merged.found, skipped, false))
        }
    };
    merged.shard = None;
    merged.part = None;
    Ok(merged)
}
