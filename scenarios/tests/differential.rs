//! Differential test: every program in `vm/tests/programs` must behave the same
//! under `emlab run` and under CPython 3.11 with the emlab prelude
//! (`scenarios/python/sitecustomize.py`) on `PYTHONPATH`.
//!
//! * `programs/*.py`: identical stdout and identical exit status.
//! * `programs/errors/*.py`: additionally both exit with status 1 and the last
//!   non-empty line of stderr (e.g. `ZeroDivisionError: integer division or
//!   modulo by zero`) is identical.
//! * CPython's behaviour is also what the program's expected block says (see
//!   `tests/common/mod.rs`), so a stale block is caught here; with `EMLAB_BLESS=1` the
//!   blocks are rewritten from CPython instead.
//!
//! All mismatches are collected and reported together. Each program runs with a
//! timeout so a hang fails the test instead of hanging CI.
//!
//! The CPython interpreter is `python3` on `PATH`, or whatever `EMLAB_PYTHON`
//! names. Without `EMLAB_PYTHON`, a machine with no `python3`, or one that is not
//! CPython 3.11 (whose error messages the corpus pins), skips this test and says so;
//! `tests/golden.rs` still checks every program against its expected block. With
//! `EMLAB_PYTHON` set, that interpreter must be CPython 3.11.

mod common;

use common::{corpus, first_difference, for_each_program, last_line, run_emlab, run_with_timeout, Golden, Outcome};
use std::fmt::Write as _;
use std::io::Write as _;
use std::path::Path;
use std::process::Command;

/// The CPython to compare with, or why there is none (Err when `EMLAB_PYTHON` names a bad one).
fn python() -> Result<Option<String>, String> {
    let (py, required) = match std::env::var("EMLAB_PYTHON") {
        Ok(py) => (py, true),
        Err(_) => ("python3".to_string(), false),
    };
    let problem = match Command::new(&py).arg("--version").output() {
        Err(e) => format!("could not run `{py}`: {e}"),
        Ok(out) => {
            let version = format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
            if out.status.success() && version.trim().starts_with("Python 3.11") {
                return Ok(Some(py));
            }
            format!("`{py} --version` said {:?}", version.trim())
        }
    };
    let why = format!(
        "the differential test needs CPython 3.11 as `python3` on PATH (or EMLAB_PYTHON=/path/to/python3.11), \
         because the error programs pin CPython 3.11's messages; {problem}"
    );
    if required {
        Err(why)
    } else {
        // Written to stderr directly, not with `eprintln!`, which the test harness captures: the
        // skip must show in the output of a passing run.
        let _ = writeln!(
            std::io::stderr(),
            "differential test skipped: {why} (tests/golden.rs still checks every program's expected output)"
        );
        Ok(None)
    }
}

fn run_python(python: &str, file: &Path) -> Outcome {
    let pythonpath = Path::new(env!("CARGO_MANIFEST_DIR")).join("python");
    let mut cmd = Command::new(python);
    cmd.arg(file)
        .env("PYTHONPATH", pythonpath)
        .env("PYTHONDONTWRITEBYTECODE", "1")
        .env("PYTHONIOENCODING", "utf-8")
        .env_remove("PYTHONSTARTUP")
        .env_remove("PYTHONHOME");
    run_with_timeout(cmd)
}

/// Compares one program under both interpreters; Some(report) on a mismatch. With `bless`, writes
/// CPython's behaviour into the program's expected block instead of comparing with it.
fn check_program(python: &str, root: &Path, file: &Path, is_error: bool, bless: bool) -> Option<String> {
    let em = run_emlab(file);
    let py = run_python(python, file);

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
    let source = std::fs::read_to_string(file).unwrap_or_else(|e| panic!("cannot read {name}: {e}"));
    if bless && !py.timed_out {
        let golden = Golden {
            exit: py.code.unwrap_or(-1),
            stderr_ends: is_error.then(|| last_line(&py.stderr).to_string()),
            stdout: py.stdout.clone(),
        };
        std::fs::write(file, golden.write_into(&source)).unwrap_or_else(|e| panic!("cannot write {name}: {e}"));
    } else {
        match Golden::parse(&source) {
            Ok(Some(golden)) => {
                for p in golden.differences(&py) {
                    problems.push(format!("CPython differs from the expected block (stale? EMLAB_BLESS=1): {p}"));
                }
            }
            Ok(None) => problems.push("no expected block (generate it: EMLAB_BLESS=1)".to_string()),
            Err(e) => problems.push(e),
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
    let python = match python() {
        Ok(Some(python)) => python,
        Ok(None) => return,
        Err(why) => panic!("{why}"),
    };
    let bless = std::env::var_os("EMLAB_BLESS").is_some();
    let (root, programs) = corpus();
    let total = programs.len();
    let failures = for_each_program(programs, |file, is_error| check_program(&python, &root, file, is_error, bless));
    if !failures.is_empty() {
        panic!("{} of {total} programs differ between emlab and CPython:\n\n{}", failures.len(), failures.join("\n"));
    }
}
