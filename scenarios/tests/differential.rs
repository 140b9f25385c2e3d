//! Differential test: every program in `vm/tests/programs` must behave the same
//! under `emlab run` and under CPython 3.11 with the emlab prelude
//! (`scenarios/python/sitecustomize.py`) on `PYTHONPATH`.
//!
//! * `programs/*.py`: identical stdout and identical exit status.
//! * `programs/errors/*.py`: additionally both exit with status 1 and the last
//!   non-empty line of stderr (e.g. `ZeroDivisionError: integer division or
//!   modulo by zero`) is identical.
//!
//! All mismatches are collected and reported together. Each program runs with a
//! timeout so a hang fails the test instead of hanging CI.
//!
//! The CPython interpreter is `python3` on `PATH`, or whatever `EMLAB_PYTHON`
//! names; it must be CPython 3.11, whose error messages the corpus pins.

use std::collections::VecDeque;
use std::fmt::Write as _;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::{mpsc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

/// The corpus may grow but must never silently shrink below these sizes.
const MIN_PROGRAMS: usize = 50;
const MIN_ERROR_PROGRAMS: usize = 15;
/// Per-program, per-interpreter wall-clock limit.
const TIMEOUT: Duration = Duration::from_secs(60);
const WORKERS: usize = 4;

struct Outcome {
    stdout: String,
    stderr: String,
    /// None when the process was killed by a signal or by our timeout.
    code: Option<i32>,
    timed_out: bool,
}

impl Outcome {
    fn last_stderr_line(&self) -> &str {
        self.stderr.lines().rev().map(str::trim_end).find(|l| !l.trim().is_empty()).unwrap_or("")
    }

    fn status(&self) -> String {
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

fn python() -> String {
    std::env::var("EMLAB_PYTHON").unwrap_or_else(|_| "python3".to_string())
}

/// Fails the test with a clear message unless the oracle is CPython 3.11.
fn require_python_311() {
    let py = python();
    let out = Command::new(&py).arg("--version").output().unwrap_or_else(|e| {
        panic!(
            "the differential test needs CPython 3.11 as `python3` on PATH (or EMLAB_PYTHON=/path/to/python3.11); \
             could not run `{py}`: {e}"
        )
    });
    let version = format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    assert!(
        out.status.success() && version.trim().starts_with("Python 3.11"),
        "the differential test needs CPython 3.11 as `python3` on PATH (or EMLAB_PYTHON=/path/to/python3.11), \
         because the error programs pin CPython 3.11's messages; `{py} --version` said: {:?}",
        version.trim()
    );
}

/// Runs `cmd` to completion or until TIMEOUT, capturing stdout and stderr.
fn run_with_timeout(mut cmd: Command) -> Outcome {
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

/// First line where the two outputs differ, as (1-based line, emlab's, CPython's).
fn first_difference(emlab: &str, python: &str) -> (usize, String, String) {
    let mut a = emlab.split_inclusive('\n');
    let mut b = python.split_inclusive('\n');
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

/// Compares one program under both interpreters; Some(report) on a mismatch.
fn check_program(
    emlab: &Path,
    python: &str,
    pythonpath: &Path,
    root: &Path,
    file: &Path,
    is_error: bool,
) -> Option<String> {
    let mut em_cmd = Command::new(emlab);
    em_cmd.arg("run").arg(file);
    let em = run_with_timeout(em_cmd);

    let mut py_cmd = Command::new(python);
    py_cmd
        .arg(file)
        .env("PYTHONPATH", pythonpath)
        .env("PYTHONDONTWRITEBYTECODE", "1")
        .env("PYTHONIOENCODING", "utf-8")
        .env_remove("PYTHONSTARTUP")
        .env_remove("PYTHONHOME");
    let py = run_with_timeout(py_cmd);

    let name = file.strip_prefix(root).unwrap_or(file).display().to_string();
    let mut problems = Vec::new();
    if em.timed_out || py.timed_out {
        problems.push(format!("timeout: emlab {}, python {}", em.status(), py.status()));
    }
    if em.stdout != py.stdout {
        let (line, e, p) = first_difference(&em.stdout, &py.stdout);
        problems.push(format!("stdout differs at line {line}:\n      emlab:  {e}\n      python: {p}"));
    }
    if em.code != py.code || em.timed_out != py.timed_out {
        problems.push(format!("exit status differs: emlab {}, python {}", em.status(), py.status()));
    }
    let expected_code = if is_error { 1 } else { 0 };
    if py.code != Some(expected_code) && !py.timed_out {
        problems.push(format!(
            "the program itself is wrong: CPython gives {} (expected exit {expected_code})",
            py.status()
        ));
    }
    if is_error {
        if em.code != Some(1) {
            problems.push(format!("emlab should exit 1 on an uncaught error, got {}", em.status()));
        }
        if em.last_stderr_line() != py.last_stderr_line() {
            problems.push(format!(
                "last stderr line differs:\n      emlab:  {:?}\n      python: {:?}",
                em.last_stderr_line(),
                py.last_stderr_line()
            ));
        }
    }
    if problems.is_empty() {
        return None;
    }
    let mut report = format!("{name}:\n");
    for p in problems {
        let _ = writeln!(report, "    {p}");
    }
    if !is_error && !em.stderr.trim().is_empty() && em.code != py.code {
        let _ = writeln!(report, "    emlab stderr (last line): {:?}", em.last_stderr_line());
    }
    Some(report)
}

#[test]
fn programs_match_cpython() {
    require_python_311();

    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    let root = manifest.join("../vm/tests/programs");
    let root = root.canonicalize().unwrap_or_else(|e| panic!("cannot find {}: {e}", root.display()));
    let pythonpath = manifest.join("python");
    let emlab = PathBuf::from(env!("CARGO_BIN_EXE_emlab"));
    let python = python();

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

    let total = programs.len() + errors.len();
    let queue: Mutex<VecDeque<(PathBuf, bool)>> =
        Mutex::new(programs.into_iter().map(|p| (p, false)).chain(errors.into_iter().map(|p| (p, true))).collect());
    let failures: Mutex<Vec<String>> = Mutex::new(Vec::new());

    thread::scope(|s| {
        for _ in 0..WORKERS {
            s.spawn(|| loop {
                let Some((file, is_error)) = queue.lock().unwrap().pop_front() else {
                    break;
                };
                if let Some(report) = check_program(&emlab, &python, &pythonpath, &root, &file, is_error) {
                    failures.lock().unwrap().push(report);
                }
            });
        }
    });

    let mut failures = failures.into_inner().unwrap();
    if !failures.is_empty() {
        failures.sort();
        panic!("{} of {total} programs differ between emlab and CPython:\n\n{}", failures.len(), failures.join("\n"));
    }
}
