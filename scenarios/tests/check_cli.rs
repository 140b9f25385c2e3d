//! `emlab check` and `emlab replay` end to end, through the binary.

use std::path::PathBuf;
use std::process::{Command, Output};

fn emlab(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_emlab")).args(args).output().expect("the emlab binary runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn suite(path: &str) -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("suite").join(path).display().to_string()
}

#[test]
fn the_bundled_suite_passes() {
    let out = emlab(&["check"]);
    let text = stdout(&out);
    let last = text.lines().last().unwrap_or_default();
    assert!(out.status.success(), "{text}");
    assert!(last.ends_with(" passed, 0 failed"), "last line: {last}");
    let passed: usize = last.split(' ').next().unwrap().parse().unwrap();
    assert!(passed >= 100, "{last}");
}

#[test]
fn json_output_has_the_documented_keys_in_order() {
    let out = emlab(&["check", &suite("classic/lost_update.py"), "--format", "json"]);
    assert!(out.status.success());
    let lines: Vec<String> = stdout(&out).lines().map(str::to_string).collect();
    assert_eq!(lines.len(), 5, "one object per default scheduler");
    for line in &lines {
        let keys = [
            "scenario",
            "scheduler",
            "schedules",
            "expected",
            "found",
            "verdict",
            "replay",
            "seconds",
            "complete",
            "coverage",
            "mode",
        ];
        let mut at = 0;
        for key in keys {
            let found = line[at..].find(&format!("\"{key}\":")).unwrap_or_else(|| panic!("{key} in order: {line}"));
            at += found;
        }
        assert!(line.contains("\"verdict\":\"pass\""), "{line}");
        assert!(line.contains("\"found\":[\"assertion\"]"), "{line}");
        // dpor says how many of its executions ended sleep-set blocked; no other scheduler has any.
        let result: serde_json::Value = serde_json::from_str(line).unwrap();
        assert_eq!(result.get("sleep_blocked").is_some_and(|n| n.is_u64()), result["scheduler"] == "dpor", "{line}");
    }
}

#[test]
fn a_failure_prints_a_replay_command_that_reproduces_it_exactly() {
    let out = emlab(&["check", &suite("classic/lost_update.py"), "--scheduler", "pct", "--expect", "pass"]);
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out);
    assert!(text.contains("FAIL") && text.ends_with("0 passed, 1 failed\n"), "{text}");
    assert!(text.contains("minimized:"), "{text}");
    let replay = text.lines().find_map(|l| l.trim().strip_prefix("replay: ")).expect("a replay command");
    let args: Vec<&str> = replay.split(' ').skip(1).collect();
    let first = emlab(&args);
    let second = emlab(&args);
    assert_eq!(first.status.code(), Some(1), "the replay shows the violation");
    assert_eq!(stdout(&first), stdout(&second), "the same schedule gives the same trace");
    assert!(stdout(&first).contains("violation: assertion"));
    // The replayed trace is the one check printed.
    let traced: Vec<&str> = text.lines().filter(|l| l.starts_with("  ") && !l.contains("minimized")).collect();
    let shown = traced.iter().map(|l| l.trim_start()).find(|l| l.starts_with("schedule:")).unwrap();
    assert!(stdout(&first).contains(shown));
}

#[test]
fn every_violation_scenario_is_found_by_pct_and_random() {
    let out = emlab(&["check", &suite("inject"), "--scheduler", "pct", "--scheduler", "random"]);
    assert!(out.status.success(), "{}", stdout(&out));
}

#[test]
fn bad_input_exits_2_with_file_and_line() {
    let dir = std::env::temp_dir().join(format!("emlab-check-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let bad = dir.join("bad.py");
    std::fs::write(&bad, "# expect: pass\n# schedulers: random fast\nx = 1\n").unwrap();
    let out = emlab(&["check", bad.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("bad.py:2:") && err.contains("valid schedulers"), "{err}");
    assert_eq!(emlab(&["check", "--scheduler", "nope"]).status.code(), Some(2));
    assert_eq!(emlab(&["replay", bad.to_str().unwrap(), "--schedule", "zz"]).status.code(), Some(2));
    assert_eq!(emlab(&["check", dir.join("missing").to_str().unwrap()]).status.code(), Some(2));
    std::fs::remove_dir_all(&dir).ok();
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn a_deadlock_leaves_stderr_empty() {
    // Shuttle prints a line of its own when it detects a deadlock; emlab reports it itself.
    let out = emlab(&["check", &suite("locks/ab_ba.py"), "--scheduler", "pct", "--scheduler", "random"]);
    assert!(out.status.success(), "{}", stdout(&out));
    assert!(stdout(&out).starts_with("PASS ") && stdout(&out).contains("locks/ab_ba.py"), "{}", stdout(&out));
    assert_eq!(stderr(&out), "", "stderr must be empty");
    // The same when the deadlock is a failure, and when its schedule is replayed.
    let out = emlab(&["check", &suite("locks/ab_ba.py"), "--scheduler", "pct", "--expect", "pass"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(stderr(&out), "", "stderr must be empty");
    let text = stdout(&out);
    assert!(text.contains("violation: deadlock"), "{text}");
    let replay = text.lines().find_map(|l| l.trim().strip_prefix("replay: ")).expect("a replay command");
    let replayed = emlab(&replay.split(' ').skip(1).collect::<Vec<_>>());
    assert_eq!(replayed.status.code(), Some(1));
    assert!(stdout(&replayed).contains("violation: deadlock"), "{}", stdout(&replayed));
    assert_eq!(stderr(&replayed), "", "stderr must be empty");
}

#[test]
fn bundled_scenarios_are_named_suite_paths_and_replay_from_anywhere() {
    let out = Command::new(env!("CARGO_BIN_EXE_emlab"))
        .args(["check", "suite:classic/lost_update.py", "--scheduler", "pct", "--expect", "pass"])
        .current_dir(std::env::temp_dir())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out);
    assert!(text.contains("FAIL classic/lost_update.py"), "{text}");
    let replay = text.lines().find_map(|l| l.trim().strip_prefix("replay: ")).expect("a replay command");
    assert!(replay.starts_with("emlab replay suite:classic/lost_update.py --schedule "), "{replay}");
    let replayed = Command::new(env!("CARGO_BIN_EXE_emlab"))
        .args(replay.split(' ').skip(1))
        .current_dir(std::env::temp_dir())
        .output()
        .unwrap();
    assert_eq!(replayed.status.code(), Some(1), "{}", stderr(&replayed));
    assert!(stdout(&replayed).contains("violation: assertion"));
    // A bundled name that does not exist is a usage error listing the folders.
    let missing = emlab(&["check", "suite:nope"]);
    assert_eq!(missing.status.code(), Some(2));
    assert!(stderr(&missing).contains("suite:eml"), "{}", stderr(&missing));
    assert_eq!(emlab(&["run", "suite:nope.py"]).status.code(), Some(2));
}

#[test]
fn suite_export_writes_the_bundled_files_and_they_check_the_same() {
    let dir = std::env::temp_dir().join(format!("emlab-export-{}", std::process::id()));
    std::fs::remove_dir_all(&dir).ok();
    let out = emlab(&["suite", "export", dir.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let source = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("suite");
    for (path, _) in emlab::scenario::discover(std::slice::from_ref(&source)).unwrap() {
        let relative = path.strip_prefix(&source).unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), std::fs::read(dir.join(relative)).unwrap(), "{}", relative.display());
    }
    assert!(dir.join("README.md").is_file());
    // Exporting again over identical files is fine; over an edited one it needs --force.
    assert!(emlab(&["suite", "export", dir.to_str().unwrap()]).status.success());
    std::fs::write(dir.join("eml/transfer.py"), "# expect: pass\n").unwrap();
    let refused = emlab(&["suite", "export", dir.to_str().unwrap()]);
    assert_eq!(refused.status.code(), Some(2));
    assert!(stderr(&refused).contains("--force"), "{}", stderr(&refused));
    assert!(emlab(&["suite", "export", dir.to_str().unwrap(), "--force"]).status.success());
    let exported = emlab(&["check", dir.join("classic").to_str().unwrap(), "--scheduler", "pct"]);
    let bundled = emlab(&["check", "suite:classic", "--scheduler", "pct"]);
    let verdicts = |o: &Output, prefix: &str| {
        stdout(o)
            .lines()
            .filter(|l| l.starts_with("PASS") || l.starts_with("FAIL"))
            .map(|l| l.split_whitespace().take(2).collect::<Vec<_>>().join(&format!(" {prefix}")))
            .collect::<Vec<_>>()
    };
    assert_eq!(verdicts(&exported, "classic/"), verdicts(&bundled, ""));
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn a_copied_binary_checks_the_bundled_suite_from_the_root_directory() {
    // What `cargo install` gives: the binary alone, run away from the source tree.
    let dir = std::env::temp_dir().join(format!("emlab-installed-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let binary = dir.join("emlab");
    std::fs::remove_file(&binary).ok();
    // A hard link opens no file for writing; a copy does, and a child that another test forks
    // meanwhile inherits it, so running the copy can fail with "text file busy" for a moment.
    if std::fs::hard_link(env!("CARGO_BIN_EXE_emlab"), &binary).is_err() {
        std::fs::copy(env!("CARGO_BIN_EXE_emlab"), &binary).unwrap();
    }
    let run = |args: &[&str]| {
        for _ in 0..100 {
            match Command::new(&binary).args(args).current_dir("/").output() {
                Err(e) if e.kind() == std::io::ErrorKind::ExecutableFileBusy => {
                    std::thread::sleep(std::time::Duration::from_millis(20))
                }
                result => return result.unwrap(),
            }
        }
        panic!("{} stayed busy", binary.display())
    };
    let out = run(&["check", "--scheduler", "pct", "--iterations", "200"]);
    let text = stdout(&out);
    assert!(out.status.success(), "{text}{}", stderr(&out));
    assert!(text.contains("PASS eml/transfer.py") && text.ends_with(" passed, 0 failed\n"), "{text}");
    let listed = run(&["suite", "list"]);
    assert!(stdout(&listed).lines().any(|l| l.starts_with("suite:locks/ab_ba.py ")), "{}", stdout(&listed));
    std::fs::remove_dir_all(&dir).ok();
}

/// `--audit N` catches a `dpor` whose `complete` is wrong: with a rule broken on purpose
/// (`EMLAB_DPOR_MUTANT`), dpor misses the lost update and says complete, and the random schedules
/// of the audit reach it; without the mutant the same command passes, audited.
#[test]
fn audit_catches_a_broken_dpor_and_passes_a_sound_one() {
    let file = concat!(env!("CARGO_MANIFEST_DIR"), "/suite/soundness/park_between_read_and_write.py");
    let run = |mutant: Option<&str>| {
        let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_emlab"));
        cmd.args(["check", file, "--scheduler", "dpor", "--expect", "pass", "--audit", "2000"]);
        if let Some(m) = mutant {
            cmd.env("EMLAB_DPOR_MUTANT", m);
        }
        let out = cmd.output().expect("emlab runs");
        (out.status.code(), String::from_utf8_lossy(&out.stdout).into_owned())
    };
    let (code, text) = run(Some("RequestNotGate"));
    assert_eq!(code, Some(1), "{text}");
    assert!(text.contains("audit: a random schedule reached"), "{text}");
    assert!(text.contains("emlab replay"), "{text}");
    // The sound dpor finds the violation itself (so `--expect pass` fails, without an audit).
    let (code, text) = run(None);
    assert_eq!(code, Some(1), "{text}");
    assert!(!text.contains("audit:"), "{text}");
    assert!(text.contains("found assertion"), "{text}");
}

/// `emlab check | head`: the reader is gone (here before emlab writes its first line), and emlab
/// ends quietly (killed by SIGPIPE, as `grep` is), without a panic or a backtrace.
#[cfg(unix)]
#[test]
fn a_closed_pipe_ends_emlab_quietly() {
    use std::os::unix::process::ExitStatusExt;
    let (reader, writer) = std::io::pipe().unwrap();
    drop(reader);
    let out = Command::new(env!("CARGO_BIN_EXE_emlab"))
        .args(["check", "--scheduler", "random", "--iterations", "20", &suite("eml")])
        .env("RUST_BACKTRACE", "1")
        .stdout(writer)
        .output()
        .expect("the emlab binary runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked") && !stderr.contains("Broken pipe"), "{stderr}");
    assert_eq!(out.status.signal(), Some(libc::SIGPIPE), "{:?}", out.status);
}

/// In a terminal (a pseudo-terminal from `script`), the progress bar is cleared before each
/// result line: no line starts with the bar's remains (`░░░ 0/2 0s x.py [random]PASS ...`).
#[cfg(unix)]
#[test]
fn the_progress_bar_never_mixes_with_result_lines_in_a_terminal() {
    let Ok(script) = which("script") else {
        eprintln!("skipped: `script` (util-linux) is not installed, so there is no pseudo-terminal to test in");
        return;
    };
    let command = format!(
        "{} check --scheduler random --iterations 30000 {} {}",
        env!("CARGO_BIN_EXE_emlab"),
        suite("eml/transfer.py"),
        suite("eml/cache_calls.py")
    );
    let out = Command::new(script).args(["-qc", &command, "/dev/null"]).output().expect("script runs");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains(" 0/2 ") || text.contains(" 1/2 "), "the bar was never drawn:\n{text:?}");
    let results: Vec<usize> = text.match_indices("PASS ").map(|(i, _)| i).collect();
    assert_eq!(results.len(), 2, "{text:?}");
    for i in results {
        let before = &text[..i];
        assert!(
            before.is_empty() || before.ends_with('\n') || before.ends_with("\r\x1b[2K"),
            "a result line starts after the bar's remains: {:?}",
            before.chars().rev().take(60).collect::<String>().chars().rev().collect::<String>()
        );
    }
}

fn which(tool: &str) -> Result<PathBuf, ()> {
    let path = std::env::var_os("PATH").ok_or(())?;
    std::env::split_paths(&path).map(|d| d.join(tool)).find(|p| p.is_file()).ok_or(())
}

#[test]
fn every_bad_scenario_of_a_folder_is_reported_not_only_the_first() {
    let dir = std::env::temp_dir().join(format!("emlab-check-bad-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("a.py"), "# expect: pass\nx = (\n").unwrap();
    std::fs::write(dir.join("b.py"), "# expect: pass\ndef f(:\n    pass\n").unwrap();
    std::fs::write(dir.join("c.py"), "# expect: pass\nprint(1)\n").unwrap();
    let out = emlab(&["check", dir.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.contains("a.py:2:") && err.contains("b.py:2:"), "{err}");
    assert!(err.contains("2 scenarios could not be loaded"), "{err}");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn a_timed_out_result_says_how_far_it_got_and_that_it_is_not_complete() {
    let out = emlab(&[
        "check",
        // A search that runs for minutes (every GIL tick is a park point).
        &suite("gil/transfer.py"),
        "--scheduler",
        "dpor",
        "--iterations",
        "100000000",
        "--timeout",
        "1",
        "--format",
        "json",
    ]);
    let line = stdout(&out);
    let result: serde_json::Value = serde_json::from_str(line.trim()).expect("one JSON result");
    assert_eq!(result["verdict"], "timeout", "{line}");
    assert!(result["schedules"].as_u64().is_some_and(|n| n > 0), "{line}");
    assert_eq!(result["complete"], false, "{line}");
    assert!(result["coverage"].as_str().is_some_and(|c| c.starts_with("timed out")), "{line}");
}

#[test]
fn the_help_says_which_schedulers_use_jobs() {
    let help = stdout(&emlab(&["check", "--help"]));
    assert!(help.contains("dpor") && help.contains("shares one search tree"), "{help}");
}

#[test]
fn emlab_log_turns_on_diagnostics_as_text_or_json_and_nothing_is_written_without_it() {
    let run = |log: Option<&str>, extra: &[&str]| {
        let mut command = Command::new(env!("CARGO_BIN_EXE_emlab"));
        command.env_remove("EMLAB_LOG").env_remove("RUST_LOG");
        if let Some(filter) = log {
            command.env("EMLAB_LOG", filter);
        }
        command.args(extra).args(["check", &suite("eml/counter_incr.py"), "--scheduler", "dpor"]);
        command.output().unwrap()
    };
    let quiet = run(None, &[]);
    assert!(quiet.status.success());
    assert_eq!(stderr(&quiet), "", "no diagnostics without EMLAB_LOG");
    let text = run(Some("emlab_scheduler::dpor=debug"), &[]);
    assert!(text.status.success());
    let err = stderr(&text);
    assert!(err.contains("execution{n=1}") && err.contains("execution ended"), "{err}");
    assert!(!err.contains("branch queued"), "trace events stay off at debug: {err}");
    // The results, without the seconds each took (a run that writes diagnostics may be slower).
    let results = |o: &Output| {
        stdout(o)
            .split_whitespace()
            .filter(|word| !(word.ends_with('s') && word[..word.len() - 1].parse::<f64>().is_ok()))
            .collect::<Vec<_>>()
            .join(" ")
    };
    assert_eq!(results(&text), results(&quiet), "diagnostics never change the results");
    let json = run(Some("emlab_scheduler::dpor=trace"), &["--log-format", "json"]);
    let lines: Vec<serde_json::Value> =
        stderr(&json).lines().map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}"))).collect();
    assert!(lines.iter().all(|l| l["target"].as_str().is_some_and(|t| t.starts_with("emlab_scheduler::dpor"))));
    assert!(lines.iter().any(|l| l["fields"]["message"] == "branch queued"), "{lines:?}");
    let bad = run(Some("[[["), &[]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(stderr(&bad).contains("EMLAB_LOG=[[["), "{}", stderr(&bad));
}

#[test]
fn a_scenario_that_fails_under_every_scheduler_shows_one_trace_the_least_preempted() {
    let out = emlab(&["check", &suite("classic/lost_update.py"), "--expect", "pass"]);
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out);
    assert_eq!(text.matches("FAIL ").count(), 5, "{text}");
    assert_eq!(text.matches("  # scenario:").count(), 1, "one trace for the five results:\n{text}");
    assert_eq!(text.matches("  replay: ").count(), 5, "each result keeps its replay command:\n{text}");
    assert_eq!(text.matches("  trace: as ").count(), 4, "{text}");
    // The trace shown is one with the fewest preemptions any scheduler found (one: random's and
    // pct's keep two).
    let minimized = text.lines().find_map(|l| l.trim().strip_prefix("minimized: ")).expect("the shown trace's line");
    assert!(minimized.starts_with("fewest preemptions 1"), "{minimized}");
}

#[test]
fn a_loom_failure_is_replayed_under_shuttle_minimized_and_replays_with_its_command() {
    let out = emlab(&["check", &suite("locks/ab_ba.py"), "--scheduler", "loom", "--expect", "pass"]);
    let text = stdout(&out);
    let minimized = text.lines().find_map(|l| l.trim().strip_prefix("minimized: ")).expect("a minimized line");
    assert!(minimized.starts_with("fewest preemptions 1 (was 2)"), "{text}");
    assert!(!text.contains("loom:"), "the trace and replay are shuttle's:\n{text}");
    let replay = text.lines().find_map(|l| l.trim().strip_prefix("replay: ")).expect("a replay command");
    let args: Vec<&str> = replay.split(' ').skip(1).collect();
    let replayed = emlab(&args);
    assert_eq!(replayed.status.code(), Some(1));
    assert!(stdout(&replayed).contains("violation: deadlock"), "{}", stdout(&replayed));
}
