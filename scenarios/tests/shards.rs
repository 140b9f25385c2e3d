//! `emlab check --shard I/N` and `emlab merge`, end to end through the binary.

use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn emlab(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_emlab")).args(args).output().expect("the emlab binary runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// A scratch folder for shard outputs, removed at the end.
struct Scratch(PathBuf);

impl Scratch {
    fn new(tag: &str) -> Scratch {
        let dir = std::env::temp_dir().join(format!("emlab-shards-{tag}-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        Scratch(dir)
    }

    /// Runs the shards `1/n ... n/n` of `args` with `--format json`; returns their files.
    fn shards(&self, args: &[&str], n: usize) -> Vec<PathBuf> {
        (1..=n)
            .map(|i| {
                let shard = format!("{i}/{n}");
                let mut full = args.to_vec();
                full.extend(["--format", "json", "--shard", &shard]);
                let out = emlab(&full);
                assert!(out.status.code().is_some_and(|c| c <= 1), "{}", String::from_utf8_lossy(&out.stderr));
                let file = self.0.join(format!("shard-{i}.jsonl"));
                std::fs::write(&file, &out.stdout).unwrap();
                file
            })
            .collect()
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        std::fs::remove_dir_all(&self.0).ok();
    }
}

fn merge(files: &[PathBuf], extra: &[&str]) -> Output {
    let mut args = vec!["merge".to_string()];
    args.extend(files.iter().map(|f| f.display().to_string()));
    args.extend(extra.iter().map(|s| s.to_string()));
    Command::new(env!("CARGO_BIN_EXE_emlab")).args(&args).output().unwrap()
}

/// `STATUS scenario scheduler` of every result line, in order.
fn verdict_lines(text: &str) -> Vec<String> {
    text.lines()
        .filter(|l| ["PASS ", "FAIL ", "SKIP "].iter().any(|s| l.starts_with(s)))
        .map(|l| l.split_whitespace().take(3).collect::<Vec<_>>().join(" "))
        .collect()
}

fn objects(file: &Path) -> Vec<Value> {
    std::fs::read_to_string(file).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect()
}

#[test]
fn the_shards_of_the_bundled_suite_merge_into_the_unsharded_run() {
    let unsharded = emlab(&["check"]);
    let scratch = Scratch::new("suite");
    let files = scratch.shards(&["check"], 3);

    // No overlap: a whole pair runs on one shard only; a split one once per shard, as part I/3.
    let mut whole: BTreeMap<u64, usize> = BTreeMap::new();
    let mut parts: BTreeMap<u64, BTreeSet<String>> = BTreeMap::new();
    let mut pairs_of_shards = BTreeSet::new();
    for (i, file) in files.iter().enumerate() {
        let objects = objects(file);
        let (closing, results) = objects.split_last().unwrap();
        assert_eq!(closing["shard"], format!("{}/3", i + 1));
        assert_eq!(closing["results"].as_u64(), Some(results.len() as u64));
        for r in results {
            assert_eq!(r["shard"], format!("{}/3", i + 1));
            assert!(r["mode"].is_string());
            let pair = r["pair"].as_u64().unwrap();
            pairs_of_shards.insert((pair, r["scenario"].to_string(), r["scheduler"].to_string()));
            match r["part"].as_str() {
                None => *whole.entry(pair).or_default() += 1,
                Some(part) => {
                    assert_eq!(part, format!("{}/3", i + 1));
                    assert!(parts.entry(pair).or_default().insert(part.to_string()), "part {part} twice");
                }
            }
        }
    }
    assert!(whole.values().all(|&n| n == 1), "a whole pair ran twice");
    assert!(whole.keys().all(|p| !parts.contains_key(p)));
    assert!(parts.values().all(|p| p.len() == 3), "every shard runs its part of a split pair");

    // The union is the unsharded run: the same results in the same order, summary and exit code.
    let merged = merge(&files, &[]);
    let (expected, got) = (stdout(&unsharded), stdout(&merged));
    assert_eq!(verdict_lines(&got), verdict_lines(&expected));
    assert_eq!(verdict_lines(&got).len(), pairs_of_shards.len());
    assert_eq!(got.lines().last(), expected.lines().last());
    assert!(got.ends_with(" passed, 0 failed\n"), "{got}");
    assert_eq!(merged.status.code(), unsharded.status.code());
    assert_eq!(merged.stderr, b"");
}

#[test]
fn a_failure_found_by_one_part_fails_the_merged_run_with_its_trace_and_replay() {
    let args =
        ["check", "suite:classic/lost_update.py", "--scheduler", "pct", "--scheduler", "dfs", "--expect", "pass"];
    let unsharded = emlab(&args);
    let scratch = Scratch::new("fail");
    let files = scratch.shards(&args, 2);
    let merged = merge(&files, &[]);
    assert_eq!(merged.status.code(), Some(1));
    assert_eq!(unsharded.status.code(), Some(1));
    let text = stdout(&merged);
    assert_eq!(verdict_lines(&text), verdict_lines(&stdout(&unsharded)));
    assert_eq!(text.lines().last(), Some("0 passed, 2 failed"));
    assert!(text.contains("minimized:") && text.contains("violation: assertion"), "{text}");
    let replay = text.lines().find_map(|l| l.trim().strip_prefix("replay: ")).expect("a replay command");
    assert_eq!(emlab(&replay.split(' ').skip(1).collect::<Vec<_>>()).status.code(), Some(1));
    // As JSON, the merged run prints what an unsharded `--format json` run prints.
    let json = stdout(&merge(&files, &["--format", "json"]));
    let values: Vec<Value> = json.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(values.len(), 2);
    assert!(values.iter().all(|v| v["verdict"] == "fail" && v.get("shard").is_none() && v["mode"] == "eml"));
}

#[test]
fn one_scenario_is_split_by_seeds() {
    let args =
        ["check", "suite:eml/counter_incr.py", "--scheduler", "random", "--scheduler", "pct", "--iterations", "90"];
    let unsharded = emlab(&[&args[..], &["--format", "json"]].concat());
    let scratch = Scratch::new("seeds");
    let files = scratch.shards(&args, 3);
    for (i, file) in files.iter().enumerate() {
        let objects = objects(file);
        assert_eq!(objects.len(), 3, "two parts and the closing line");
        for part in &objects[..2] {
            assert_eq!(part["part"], format!("{}/3", i + 1));
            assert_eq!(part["schedules"], 30, "{part}");
        }
    }
    let merged = stdout(&merge(&files, &["--format", "json"]));
    let merged: Vec<Value> = merged.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    let unsharded: Vec<Value> = stdout(&unsharded).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(merged.len(), 2);
    for (m, u) in merged.iter().zip(&unsharded) {
        for key in ["scenario", "scheduler", "schedules", "expected", "found", "verdict", "mode"] {
            assert_eq!(m[key], u[key], "{key}");
        }
    }
}

#[test]
fn merge_refuses_missing_repeated_and_foreign_input() {
    let scratch = Scratch::new("bad");
    let files = scratch.shards(&["check", "suite:classic/lost_update.py", "--scheduler", "pct"], 2);
    let code = |files: &[PathBuf]| {
        let out = merge(files, &[]);
        (out.status.code(), String::from_utf8_lossy(&out.stderr).into_owned())
    };
    let (status, err) = code(&files[..1]);
    assert_eq!(status, Some(2));
    assert!(err.contains("shard 2/2 is missing"), "{err}");
    let (status, err) = code(&[files[0].clone(), files[1].clone(), files[1].clone()]);
    assert_eq!(status, Some(2));
    assert!(err.contains("appears twice"), "{err}");
    let junk = scratch.0.join("junk.jsonl");
    std::fs::write(&junk, "not json\n").unwrap();
    let (status, err) = code(&[junk]);
    assert_eq!(status, Some(2));
    assert!(err.contains("junk.jsonl:1"), "{err}");
    // A truncated shard: its closing line promises more results than it has.
    let text = std::fs::read_to_string(&files[1]).unwrap();
    let truncated = scratch.0.join("truncated.jsonl");
    std::fs::write(&truncated, text.lines().skip(1).collect::<Vec<_>>().join("\n")).unwrap();
    let (status, err) = code(&[files[0].clone(), truncated]);
    assert_eq!(status, Some(2));
    assert!(err.contains("promised"), "{err}");
    assert_eq!(emlab(&["check", "--shard", "4/3"]).status.code(), Some(2));
}

#[test]
fn the_shards_of_a_mode_matrix_merge_into_its_matrix() {
    let args = [
        "check",
        "suite:eml/transfer.py",
        "suite:eml/fastcounter_own_lock.py",
        "--mode",
        "all",
        "--scheduler",
        "pct",
        "--scheduler",
        "dfs",
        "--iterations",
        "60",
    ];
    let unsharded = emlab(&args);
    let scratch = Scratch::new("matrix");
    let files = scratch.shards(&args, 2);
    let merged = merge(&files, &[]);
    assert_eq!(merged.status.code(), Some(0));
    let (expected, got) = (stdout(&unsharded), stdout(&merged));
    // The matrix's rows, and its last line: the schedules of every cell add up to the same total.
    assert_eq!(got, expected);
    assert!(got.lines().next().unwrap().starts_with("scenario"), "{got}");
}
