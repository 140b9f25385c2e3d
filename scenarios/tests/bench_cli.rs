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
    assert_eq!(keys, ["mode", "program", "python_seconds", "seconds", "threads"]);
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
fn the_text_table_has_a_row_per_measurement() {
    let program = TempProgram::new("tiny.py", "print(1 + 1)\n");
    let out = emlab(&[program.path(), "--threads", "1,4", "--repeat", "1"]);
    assert_eq!(out.status.code(), Some(0), "stderr: {}", String::from_utf8_lossy(&out.stderr));
    let text = stdout(&out);
    let lines: Vec<&str> = text.lines().collect();
    assert!(lines[0].starts_with("program") && lines[0].contains("emlab (s)"), "{text}");
    assert!(lines[1].starts_with("tiny.py") && lines[1].contains("eml"), "{text}");
    assert!(lines[2].starts_with("note: ") && lines[2].contains("tiny.py"), "only 1 thread without THREADS: {text}");
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
