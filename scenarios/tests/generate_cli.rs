//! `emlab generate` end to end: what the generated scenarios contain, that they all pass the
//! checker, and that each seeded bug makes some of them fail (the generator reaches the code
//! every seeded bug breaks).

use emlab::generate::{scenario_from_seed, Options};
use emlab_scheduler::{explorer_for, Budget, SchedulerKind, Stop, Target};
use emlab_vm::{Bug, Bugs};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn emlab(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_emlab")).args(args).output().expect("the emlab binary runs")
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("emlab-gen-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    dir
}

fn read_dir(dir: &Path) -> Vec<(String, String)> {
    let mut files: Vec<(String, String)> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .map(|p| (p.file_name().unwrap().to_string_lossy().into_owned(), std::fs::read_to_string(&p).unwrap()))
        .collect();
    files.sort();
    files
}

/// Whether `text` calls `counter.incr` (not `fastcounter.incr`).
fn calls_counter(text: &str) -> bool {
    text.match_indices("counter.incr").any(|(i, _)| !text[..i].ends_with("fast"))
}

#[test]
fn two_hundred_scenarios_parse_cover_every_module_and_pass_the_checker() {
    let dir = temp_dir("200");
    let out = emlab(&["generate", "--seed", "1", "--count", "200", dir.to_str().unwrap()]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let files = read_dir(&dir);
    assert_eq!(files.len(), 200);
    // Deterministic: a second run writes the same bytes.
    let again = temp_dir("200-again");
    emlab(&["generate", "--seed", "1", "--count", "200", again.to_str().unwrap()]);
    assert_eq!(read_dir(&again), files, "the same seed writes the same files");

    let mut two_threads = 0;
    let mut not_free_threaded = 0;
    for (name, text) in &files {
        emlab::scenario::Scenario::parse(Path::new(name), name, text).unwrap_or_else(|e| panic!("{e}"));
        emlab_vm::compile_source(text, name).unwrap_or_else(|e| panic!("{name}: {e:?}"));
        two_threads += usize::from(text.matches("spawn(w").count() >= 2);
        let uses = ["bank.", "cache.", "callback.", "blocking."].iter().any(|m| text.contains(m));
        not_free_threaded += usize::from(uses || calls_counter(text));
    }
    assert!(two_threads > 100, "most spawn two or more threads: {two_threads} of 200");
    assert!(not_free_threaded > 100, "most call a non-free-threaded extension: {not_free_threaded} of 200");
    let all: String = files.iter().map(|(_, t)| t.as_str()).collect();
    for needle in [
        "bank.transfer(",
        "bank.total(",
        "fastcounter.incr(",
        "cache.put(",
        "cache.get(",
        "cache.drop(",
        "callback.apply(",
        "callback.update(",
        "blocking.pause(",
        "gc.collect()",
        "with lock",
        ".acquire()",
        "global gsum",
        "h = spawn(s",
        "while flag[0] == 0:",
        "# mode: gil",
        "# mode: eml",
    ] {
        assert!(all.contains(needle), "no generated scenario has {needle:?}");
    }
    assert!(calls_counter(&all));

    let out = emlab(&["check", dir.to_str().unwrap(), "--scheduler", "random", "--iterations", "30"]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{text}");
    assert!(text.trim_end().ends_with("200 passed, 0 failed"), "{}", text.lines().last().unwrap_or(""));
    assert!(!text.contains("vm-panic"));
    let _ = std::fs::remove_dir_all(&dir);
    let _ = std::fs::remove_dir_all(&again);
}

#[test]
fn single_threaded_scenarios_spawn_nothing() {
    let dir = temp_dir("single");
    let out = emlab(&["generate", "--seed", "4", "--count", "20", "--threads", "0", dir.to_str().unwrap()]);
    assert!(out.status.success());
    for (name, text) in read_dir(&dir) {
        assert!(!text.contains("spawn(") && !text.contains("join("), "{name}");
        assert!(text.contains("single-threaded"), "{name}");
    }
    let _ = std::fs::remove_dir_all(&dir);
}

/// How many of `count` generated scenarios reveal `bug` under pct within 30 schedules.
fn revealed(bug: Bug, count: u64) -> usize {
    let options = Options::default();
    (0..count)
        .filter(|&i| {
            let text = scenario_from_seed(1, i, &options);
            let scenario = emlab::scenario::Scenario::parse(Path::new("g.py"), "g.py", &text).unwrap();
            let program = emlab_vm::compile_source(&text, "g.py").unwrap();
            let target = Target::new("g.py", program, scenario.mode, Bugs::none().with(bug));
            let budget = Budget { iterations: 30, seed: 0, jobs: 1, preemption_bound: None };
            let found = explorer_for(SchedulerKind::Pct).explore(&target, &budget, &Stop::FirstViolation, &|_| {});
            assert!(!found.found.contains(&emlab_vm::ViolationKind::VmPanic), "{bug}: vm-panic in #{i}");
            found.first.is_some()
        })
        .count()
}

#[test]
fn every_seeded_bug_is_revealed_by_some_generated_scenarios() {
    for bug in Bug::ALL {
        let n = revealed(bug, 100);
        println!("{bug}: {n} of 100");
        assert!(n >= 1, "no generated scenario of 100 reveals {bug}");
    }
}

/// Every `dpor` finding on a batch of generated programs replays, with the command `check`
/// printed, to a run that shows the violation found; none is an internal error. (A sleep-set
/// block followed by a thread that started later once made `dpor` report a vm-panic, and the
/// assertion it caused in the main thread, from a run no schedule reproduces.)
#[test]
fn every_dpor_finding_on_a_generated_batch_replays_with_its_command() {
    let dir = temp_dir("replays");
    let out = emlab(&["generate", "--seed", "7", "--count", "8", dir.to_str().unwrap()]);
    assert!(out.status.success());
    let mut replayed = 0;
    for mode in ["eml", "nogil", "gil-on-import"] {
        let out = emlab(&[
            "check",
            dir.to_str().unwrap(),
            "--scheduler",
            "dpor",
            "--mode",
            mode,
            "--expect",
            "pass",
            "--iterations",
            "100",
            // The schedule as dpor ran it (minimization replays are checked elsewhere).
            "--no-minimize",
            "--format",
            "json",
        ]);
        for line in String::from_utf8_lossy(&out.stdout).lines() {
            let result: serde_json::Value = serde_json::from_str(line).unwrap();
            let found: Vec<&str> = result["found"].as_array().unwrap().iter().map(|k| k.as_str().unwrap()).collect();
            assert!(!found.contains(&"vm-panic"), "an internal error: {line}");
            let Some(replay) = result["replay"].as_str() else { continue };
            let args: Vec<&str> = replay.split(' ').skip(1).collect();
            let ran = emlab(&args);
            let text = String::from_utf8_lossy(&ran.stdout);
            assert_eq!(ran.status.code(), Some(1), "{replay}\n{text}{}", String::from_utf8_lossy(&ran.stderr));
            assert!(text.contains(&format!("violation: {}", found[0])), "{replay} shows no {}:\n{text}", found[0]);
            replayed += 1;
        }
    }
    assert!(replayed >= 6, "only {replayed} findings replayed");
    let _ = std::fs::remove_dir_all(&dir);
}
