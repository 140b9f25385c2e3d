//! `emlab bench` from the outside: its JSON lines and its exit codes.

use std::path::PathBuf;
use std::process::{Command, Output};

const FIB: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/bench/fib.py");

fn emlab(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_emlab")).arg("bench").args(args).output().expect("emlab runs")
}

fn stdout(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).expect("stdout is UTF-8")
}

/// A program in a fresh temporary directory, removed when dropped.
struct TempProgram(PathBuf);

impl TempProgram {
    fn new(name: &str, source: &str) -> TempProgram {
        let dir = std::env::temp_dir().join(format!("emlab-bench-cli-{}-{name}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join(name), source).unwrap();
        TempProgram(dir.join(name))
    }

    fn path(&self) -> &str {
        self.0.to_str().unwrap()
    }
}

impl Drop for TempProgram {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(self.0.parent().unwrap());
    }
}

#[test]
fn json_prints_one_object_per_measurement() {
    let out = emlab(&[FIB, "--format", "json", "--repeat", "1"]);
    assert_eq!(out.status.code(), Some(0), "stderr: {}", String::from_utf8_lossy(&out.stderr));
    let text = stdout(&out);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 1, "{text}");
    let value: serde_json::Value = serde_json::from_str(lines[0]).unwrap();
    let mut keys: Vec<&str> = value.as_object().unwrap().keys().map(String::as_str).collect();
    keys.sort_unstable();
    assert_eq!(keys, ["mode", "program", "python_seconds", "seconds", "speedup", "threads"]);
    assert_eq!(value["program"], "fib.py");
    assert_eq!(value["mode"], "eml");
    assert_eq!(value["threads"], 1);
    assert!(value["seconds"].as_f64().unwrap() > 0.0, "{value}");
    assert!(value["python_seconds"].is_null());
}

/// Spawns THREADS threads and joins them.
const SPIN: &str = "\
THREADS = 1
def work(n):
    return n * 2
hs = []
for t in range(THREADS):
    hs.append(spawn(work, t))
total = 0
for h in hs:
    total += join(h)
print(total)
";

#[test]
fn a_threads_line_runs_once_per_thread_count() {
    let program = TempProgram::new("spin.py", SPIN);
    let out = emlab(&[program.path(), "--threads", "2,1", "--mode", "gil", "--repeat", "1", "--format", "json"]);
    assert_eq!(out.status.code(), Some(0), "stderr: {}", String::from_utf8_lossy(&out.stderr));
    let values: Vec<serde_json::Value> = stdout(&out).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    let threads: Vec<_> =
        values.iter().map(|v| (v["mode"].as_str().unwrap(), v["threads"].as_u64().unwrap())).collect();
    assert_eq!(threads, [("gil", 1), ("gil", 2)]);
}

#[test]
fn the_text_table_has_a_row_per_program_and_mode() {
    let program = TempProgram::new("tiny.py", "print(1 + 1)\n");
    let out = emlab(&[program.path(), "--threads", "1,4", "--repeat", "1"]);
    assert_eq!(out.status.code(), Some(0), "stderr: {}", String::from_utf8_lossy(&out.stderr));
    let text = stdout(&out);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines[0], "program  mode  1 thread", "no THREADS line: a column for 1 thread only");
    assert!(lines[1].starts_with("tiny.py") && lines[1].contains("eml"), "{text}");
    assert!(lines.last().unwrap().starts_with("note: ") && text.contains("1 thread only: tiny.py"), "{text}");
}

#[test]
fn speedup_columns_compare_each_mode_with_its_own_one_thread_run() {
    let program = TempProgram::new("spin.py", SPIN);
    let out = emlab(&[program.path(), "--threads", "1,2", "--mode", "eml", "--mode", "gil", "--repeat", "1"]);
    assert_eq!(out.status.code(), Some(0), "stderr: {}", String::from_utf8_lossy(&out.stderr));
    let text = stdout(&out);
    let lines: Vec<&str> = text.lines().collect();
    assert!(lines[0].ends_with("1 thread  2 threads  speedup 2 vs 1"), "{text}");
    for (line, mode) in lines[1..3].iter().zip(["eml", "gil"]) {
        let cells: Vec<&str> = line.split_whitespace().collect();
        assert_eq!(cells[..2], ["spin.py", mode], "{text}");
        assert!(cells[4].ends_with('×'), "{text}");
    }
    assert!(text.contains("speedup N vs 1 = N × time(1 thread) / time(N threads)"), "{text}");
}

/// Calls `counter.incr` in one iteration out of EVERY, in THREADS threads.
const EXT_MIX: &str = "\
import counter
THREADS = 1
EVERY = 100
def work(n):
    cell = [0]
    for i in range(1000):
        if i % EVERY == 0:
            counter.incr(cell, 0)
    return cell[0]
hs = []
for t in range(THREADS):
    hs.append(spawn(work, t))
total = 0
for h in hs:
    total += join(h)
print(total)
";

#[test]
fn ext_share_rewrites_every_and_reports_the_promotions() {
    let program = TempProgram::new("mix.py", EXT_MIX);
    let out = emlab(&[program.path(), "--ext-share", "1,10", "--repeat", "1", "--format", "json"]);
    assert_eq!(out.status.code(), Some(0), "stderr: {}", String::from_utf8_lossy(&out.stderr));
    let values: Vec<serde_json::Value> = stdout(&out).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    let seen: Vec<_> = values
        .iter()
        .map(|v| {
            let promotions = v.get("promotions").map(|p| p["count"].as_u64().unwrap());
            (v["mode"].as_str().unwrap(), v["every"].as_u64().unwrap(), v["threads"].as_u64().unwrap(), promotions)
        })
        .collect();
    // Default modes eml and gil-on-import, default threads 1 and 2: every call promotes in eml.
    assert_eq!(
        seen,
        [
            ("eml", 100, 1, Some(10)),
            ("eml", 100, 2, Some(20)),
            ("eml", 10, 1, Some(100)),
            ("eml", 10, 2, Some(200)),
            ("gil-on-import", 100, 1, None),
            ("gil-on-import", 100, 2, None),
            ("gil-on-import", 10, 1, None),
            ("gil-on-import", 10, 2, None),
        ]
    );
    assert!(values.iter().all(|v| v["threads"] == 1 || v["speedup"].as_f64().is_some_and(|s| s > 0.0)), "{values:?}");
    assert_eq!(values[2]["ext_share"], 10.0);
}

#[test]
fn ext_share_prints_the_curve() {
    let program = TempProgram::new("mix.py", EXT_MIX);
    let plain = TempProgram::new("plain.py", "THREADS = 1\nprint(THREADS)\n");
    let out = emlab(&[program.path(), plain.path(), "--ext-share", "0.1,0.1", "--mode", "eml", "--repeat", "1"]);
    assert_eq!(out.status.code(), Some(0), "stderr: {}", String::from_utf8_lossy(&out.stderr));
    let text = stdout(&out);
    let lines: Vec<&str> = text.lines().collect();
    assert!(lines[0].starts_with("program  share  every  eml 2 vs 1  promotions  parked p50"), "{text}");
    assert!(lines[1].starts_with("mix.py    0.1%   1000"), "{text}");
    assert!(lines[2].starts_with("share: "), "a repeated share runs once: {text}");
    assert!(text.contains("not in the --ext-share curve: plain.py"), "{text}");
    let out = emlab(&[plain.path(), "--ext-share", "1", "--repeat", "1"]);
    assert_eq!(out.status.code(), Some(2), "nothing to measure");
}

#[test]
fn a_failing_program_exits_1() {
    let program = TempProgram::new("boom.py", "x = 1\nprint(x // 0)\n");
    let out = emlab(&[program.path(), "--repeat", "1", "--format", "json"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(stdout(&out), "", "a failed measurement prints no JSON line");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("boom.py [eml, 1 thread]") && stderr.contains("ZeroDivisionError"), "{stderr}");
}

#[test]
fn bad_usage_exits_2() {
    for threads in ["0", "x", "1,,2"] {
        let out = emlab(&[FIB, "--threads", threads]);
        assert_eq!(out.status.code(), Some(2), "--threads {threads}");
    }
    for share in ["0", "x", "101", "-1"] {
        let out = emlab(&[FIB, "--ext-share", share]);
        assert_eq!(out.status.code(), Some(2), "--ext-share {share}");
    }
    assert_eq!(emlab(&["no/such/program.py"]).status.code(), Some(2));
    assert_eq!(emlab(&[FIB, "--python", "no-such-python-emlab"]).status.code(), Some(2));
}

#[test]
fn python_times_the_same_program_under_cpython() {
    let python = std::env::var("EMLAB_PYTHON").unwrap_or_else(|_| "python3".to_string());
    if Command::new(&python).arg("--version").output().is_err() {
        eprintln!("skipped: no {python} to compare with");
        return;
    }
    let program = TempProgram::new("pair.py", "THREADS = 1\nh = spawn(len, [1, 2, 3])\nprint(join(h), THREADS)\n");
    let out = emlab(&[program.path(), "--python", &python, "--threads", "1,2", "--repeat", "1", "--format", "json"]);
    assert_eq!(out.status.code(), Some(0), "stderr: {}", String::from_utf8_lossy(&out.stderr));
    let values: Vec<serde_json::Value> = stdout(&out).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(values.len(), 2);
    assert!(values.iter().all(|v| v["python_seconds"].as_f64().is_some_and(|s| s > 0.0)), "{values:?}");
}

#[test]
fn every_bundled_benchmark_prints_what_cpython_prints() {
    let python = std::env::var("EMLAB_PYTHON").unwrap_or_else(|_| "python3".to_string());
    if Command::new(&python).arg("--version").output().is_err() {
        eprintln!("skipped: no {python} to compare with");
        return;
    }
    // No path: the bundled benchmarks. A mismatch or a failure exits 1 and names the program.
    let out = emlab(&["--python", &python, "--threads", "1,2", "--repeat", "1", "--format", "json"]);
    assert_eq!(out.status.code(), Some(0), "stderr: {}", String::from_utf8_lossy(&out.stderr));
    let values: Vec<serde_json::Value> = stdout(&out).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    let programs: Vec<&str> = values.iter().map(|v| v["program"].as_str().unwrap()).collect();
    for name in ["alloc.py", "shared_reads.py", "shared_calls.py", "strings.py", "ext_mix.py", "threads.py", "fib.py"] {
        assert!(programs.contains(&name), "{name} not measured: {programs:?}");
    }
    let out = emlab(&["--python", &python, "--ext-share", "10", "--repeat", "1", "--format", "json"]);
    assert_eq!(out.status.code(), Some(0), "stderr: {}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(stdout(&out).lines().count(), 4, "ext_mix.py at 1 and 2 threads in eml and gil-on-import");
}
