//! Shared by the golden and the differential tests: the program corpus of `vm/tests/programs`,
//! running a child process with a timeout, and the expected-output block at the end of each
//! program.
//!
//! Every corpus program ends with its expected behaviour, generated from CPython 3.11 (never
//! written by hand: `EMLAB_BLESS=1 cargo test -p emlab --test differential` rewrites the blocks):
//!
//! ```python
//! print(7 // 0)
//! # --- expected (CPython 3.11; EMLAB_BLESS=1 cargo test -p emlab --test differential) ---
//! # exit: 1
//! # stderr ends: ZeroDivisionError: integer division or modulo by zero
//! # stdout:
//! # | first line of output
//! ```
//!
//! The block is made of comments, so the program is still the same Python program.

#![allow(dead_code)] // each test file uses its own part of this module

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::thread;
use std::time::{Duration, Instant};

/// The corpus may grow but must never silently shrink below these sizes.
pub const MIN_PROGRAMS: usize = 50;
pub const MIN_ERROR_PROGRAMS: usize = 15;
/// Per-program, per-interpreter wall-clock limit.
pub const TIMEOUT: Duration = Duration::from_secs(60);
pub const WORKERS: usize = 4;

/// The line that starts the expected block.
pub const MARKER: &str = "# --- expected (CPython 3.11; EMLAB_BLESS=1 cargo test -p emlab --test differential) ---";

pub struct Outcome {
    pub stdout: String,
    pub stderr: String,
    /// None when the process was killed by a signal or by our timeout.
    pub code: Option<i32>,
    pub timed_out: bool,
}

impl Outcome {
    pub fn last_stderr_line(&self) -> &str {
        last_line(&self.stderr)
    }

    pub fn status(&self) -> String {
        if self.timed_out {
            format!("timed out after {}s", TIMEOUT.as_secs())
        } else {
            match self.code {
                Some(c) => format!("exit {c}"),
                None => "killed by a signal".to_string(),
            }
        }
    }
}

/// The last non-empty line of `text`, without trailing blanks.
pub fn last_line(text: &str) -> &str {
    text.lines().rev().map(str::trim_end).find(|l| !l.trim().is_empty()).unwrap_or("")
}

/// Runs `cmd` to completion or until TIMEOUT, capturing stdout and stderr.
pub fn run_with_timeout(mut cmd: Command) -> Outcome {
    let desc = format!("{cmd:?}");
    let mut child = cmd
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("cannot start {desc}: {e}"));
    // Drain both pipes on their own threads so a chatty child never blocks.
    let drain = |pipe: Option<Box<dyn Read + Send>>| {
        let (tx, rx) = mpsc::channel();
        thread::spawn(move || {
            let mut buf = Vec::new();
            if let Some(mut p) = pipe {
                let _ = p.read_to_end(&mut buf);
            }
            let _ = tx.send(String::from_utf8_lossy(&buf).into_owned());
        });
        rx
    };
    let out_reader = drain(child.stdout.take().map(|p| Box::new(p) as Box<dyn Read + Send>));
    let err_reader = drain(child.stderr.take().map(|p| Box::new(p) as Box<dyn Read + Send>));

    let deadline = Instant::now() + TIMEOUT;
    let mut timed_out = false;
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break Some(status),
            Ok(None) if Instant::now() >= deadline => {
                timed_out = true;
                let _ = child.kill();
                break child.wait().ok();
            }
            Ok(None) => thread::sleep(Duration::from_millis(5)),
            Err(e) => panic!("waiting for {desc}: {e}"),
        }
    };
    // A grandchild that outlived a killed child could keep the pipes open:
    // take what has arrived rather than wait for it.
    let grace = if timed_out { Duration::from_secs(2) } else { TIMEOUT };
    Outcome {
        stdout: out_reader.recv_timeout(grace).unwrap_or_default(),
        stderr: err_reader.recv_timeout(grace).unwrap_or_default(),
        code: if timed_out { None } else { status.and_then(|s| s.code()) },
        timed_out,
    }
}

fn list_py(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
        .map(|entry| entry.expect("directory entry").path())
        .filter(|p| p.is_file() && p.extension().is_some_and(|e| e == "py"))
        .collect();
    files.sort();
    files
}

/// The corpus root and its programs: `(path, is_error)`, the programs that must run cleanly first,
/// then those in `errors/` that must end in an uncaught error. Fails if the corpus shrank.
pub fn corpus() -> (PathBuf, Vec<(PathBuf, bool)>) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../vm/tests/programs");
    let root = root.canonicalize().unwrap_or_else(|e| panic!("cannot find {}: {e}", root.display()));
    let programs = list_py(&root);
    let errors = list_py(&root.join("errors"));
    assert!(
        programs.len() >= MIN_PROGRAMS,
        "the corpus shrank: {} programs in {}, expected at least {MIN_PROGRAMS}",
        programs.len(),
        root.display()
    );
    assert!(
        errors.len() >= MIN_ERROR_PROGRAMS,
        "the corpus shrank: {} error programs in {}/errors, expected at least {MIN_ERROR_PROGRAMS}",
        errors.len(),
        root.display()
    );
    // The benchmark programs that carry an expected block (the classic ones: richards, nbody, ...)
    // are held to CPython's output too.
    let bench = Path::new(env!("CARGO_MANIFEST_DIR")).join("bench");
    let bench: Vec<PathBuf> = list_py(&bench)
        .into_iter()
        .filter(|p| std::fs::read_to_string(p).is_ok_and(|text| text.contains(MARKER)))
        .collect();
    let all =
        programs.into_iter().chain(bench).map(|p| (p, false)).chain(errors.into_iter().map(|p| (p, true))).collect();
    (root, all)
}

/// Runs `check` on every program with WORKERS threads; returns the reports of the failures, sorted.
pub fn for_each_program(
    programs: Vec<(PathBuf, bool)>,
    check: impl Fn(&Path, bool) -> Option<String> + Sync,
) -> Vec<String> {
    let queue = std::sync::Mutex::new(programs.into_iter().collect::<std::collections::VecDeque<_>>());
    let failures = std::sync::Mutex::new(Vec::new());
    thread::scope(|s| {
        for _ in 0..WORKERS {
            s.spawn(|| loop {
                let Some((file, is_error)) = queue.lock().unwrap().pop_front() else {
                    break;
                };
                if let Some(report) = check(&file, is_error) {
                    failures.lock().unwrap().push(report);
                }
            });
        }
    });
    let mut failures = failures.into_inner().unwrap();
    failures.sort();
    failures
}

/// Runs `emlab run FILE`.
pub fn run_emlab(file: &Path) -> Outcome {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_emlab"));
    cmd.arg("run").arg(file);
    run_with_timeout(cmd)
}

/// First line where the two outputs differ, as (1-based line, first's, second's).
pub fn first_difference(a: &str, b: &str) -> (usize, String, String) {
    let mut a = a.split_inclusive('\n');
    let mut b = b.split_inclusive('\n');
    let mut line = 1;
    loop {
        match (a.next(), b.next()) {
            (Some(x), Some(y)) if x == y => line += 1,
            (x, y) => {
                let show = |s: Option<&str>| s.map_or("<end of output>".to_string(), |s| format!("{s:?}"));
                return (line, show(x), show(y));
            }
        }
    }
}

/// What a program is expected to do, as its trailing block says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Golden {
    pub exit: i32,
    /// The last non-empty line of stderr (only for programs that end in an error).
    pub stderr_ends: Option<String>,
    pub stdout: String,
}

impl Golden {
    /// The golden block of `source`, if it has one; Err when the block is malformed.
    pub fn parse(source: &str) -> Result<Option<Golden>, String> {
        let Some(at) = source.find(&format!("\n{MARKER}\n")) else { return Ok(None) };
        let mut golden = Golden { exit: 0, stderr_ends: None, stdout: String::new() };
        let mut in_stdout = false;
        for line in source[at + MARKER.len() + 2..].lines() {
            if in_stdout {
                let Some(text) = line.strip_prefix("# |") else {
                    return Err(format!("an output line must start with '# |', found {line:?}"));
                };
                golden.stdout.push_str(text.strip_prefix(' ').unwrap_or(text));
                golden.stdout.push('\n');
            } else if let Some(code) = line.strip_prefix("# exit: ") {
                golden.exit = code.parse().map_err(|_| format!("bad exit code {code:?}"))?;
            } else if let Some(text) = line.strip_prefix("# stderr ends: ") {
                golden.stderr_ends = Some(text.to_string());
            } else if line == "# stdout:" {
                in_stdout = true;
            } else {
                return Err(format!("unexpected line in the expected block: {line:?}"));
            }
        }
        Ok(Some(golden))
    }

    /// The block, as it is written at the end of a program.
    pub fn render(&self) -> String {
        let mut out = format!("{MARKER}\n# exit: {}\n", self.exit);
        if let Some(text) = &self.stderr_ends {
            out.push_str(&format!("# stderr ends: {text}\n"));
        }
        out.push_str("# stdout:\n");
        for line in self.stdout.lines() {
            if line.is_empty() {
                out.push_str("# |\n");
            } else {
                out.push_str(&format!("# | {line}\n"));
            }
        }
        out
    }

    /// `source` with its block replaced by (or, without one, followed by) this one.
    pub fn write_into(&self, source: &str) -> String {
        let code = match source.find(&format!("\n{MARKER}\n")) {
            Some(at) => &source[..=at],
            None => source,
        };
        let mut out = code.to_string();
        if !out.ends_with('\n') {
            out.push('\n');
        }
        out.push_str(&self.render());
        out
    }

    /// How `outcome` differs from this expectation; empty when it matches.
    pub fn differences(&self, outcome: &Outcome) -> Vec<String> {
        let mut problems = Vec::new();
        if outcome.timed_out || outcome.code != Some(self.exit) {
            problems.push(format!("expected exit {}, got {}", self.exit, outcome.status()));
        }
        if outcome.stdout != self.stdout {
            let (line, got, want) = first_difference(&outcome.stdout, &self.stdout);
            problems.push(format!("stdout differs at line {line}:\n      got:      {got}\n      expected: {want}"));
        }
        if let Some(text) = &self.stderr_ends {
            if outcome.last_stderr_line() != text {
                problems.push(format!(
                    "last stderr line differs:\n      got:      {:?}\n      expected: {text:?}",
                    outcome.last_stderr_line()
                ));
            }
        }
        problems
    }
}
