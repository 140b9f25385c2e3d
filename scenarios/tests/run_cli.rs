//! `emlab run`: exit codes, error messages, modes and seeded bugs.

use std::process::{Command, Output};

fn run_source(source: &str, extra: &[&str]) -> Output {
    let dir = std::env::temp_dir().join(format!("emlab-run-{}-{}", std::process::id(), source.len()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("prog.py");
    std::fs::write(&file, source).unwrap();
    let mut args = vec!["run", file.to_str().unwrap()];
    args.extend_from_slice(extra);
    let out = Command::new(env!("CARGO_BIN_EXE_emlab")).args(&args).output().unwrap();
    std::fs::remove_dir_all(&dir).ok();
    out
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn success_prints_output_and_exits_0() {
    let out = run_source("print(1 + 2, 'a')\n", &[]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(String::from_utf8_lossy(&out.stdout), "3 a\n");
}

#[test]
fn an_uncaught_error_exits_1_with_a_python_traceback() {
    let out = run_source("def f():\n    return 1 // 0\nf()\n", &[]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.starts_with("Traceback (most recent call last):"), "{err}");
    assert!(err.contains("prog.py\", line 2, in f"), "{err}");
    assert!(err.trim_end().ends_with("ZeroDivisionError: integer division or modulo by zero"), "{err}");
}

#[test]
fn sys_exit_ends_the_program_with_its_status_and_a_message_goes_to_stderr() {
    let out = run_source("import sys\nprint('before')\nsys.exit(4)\nprint('after')\n", &[]);
    assert_eq!(out.status.code(), Some(4));
    assert_eq!(String::from_utf8_lossy(&out.stdout), "before\n");
    assert_eq!(stderr(&out), "", "no traceback for SystemExit");
    let out = run_source("import sys\nsys.exit('bad input')\n", &[]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(stderr(&out), "bad input\n");
    let out = run_source("import sys\nsys.exit()\n", &[]);
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn a_syntax_error_exits_2_with_line_column_and_caret() {
    let out = run_source("x = 1\ny = (2 +\n", &[]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.contains("prog.py:2:") && err.contains("SyntaxError"), "{err}");
    assert!(err.contains('^') || err.contains('┬'), "a caret under the spot: {err}");
    let out = run_source("class A(metaclass=type):\n    pass\n", &[]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("class keyword arguments (metaclass=...) are not supported"), "{}", stderr(&out));
}

#[test]
fn every_mode_and_bug_is_accepted_and_unknown_names_list_the_valid_ones() {
    for mode in ["eml", "gil", "nogil", "gil-on-import"] {
        assert_eq!(run_source("print(1)\n", &["--mode", mode]).status.code(), Some(0), "{mode}");
    }
    for bug in emlab_vm::Bug::ALL {
        assert_eq!(run_source("print(1)\n", &["--inject", bug.name()]).status.code(), Some(0), "{bug}");
    }
    let out = run_source("print(1)\n", &["--mode", "fast"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("gil-on-import"), "{}", stderr(&out));
    let out = run_source("print(1)\n", &["--inject", "oops"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("no-safepoint-backedge"), "{}", stderr(&out));
}

#[test]
fn a_missing_file_exits_2() {
    let out = Command::new(env!("CARGO_BIN_EXE_emlab")).args(["run", "/nonexistent/x.py"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("cannot read"));
}

#[test]
fn a_threads_uncaught_exception_is_headed_by_its_threading_name() {
    let source = "import threading\nimport _thread\ndef work():\n    raise ValueError('boom')\n\
                  t = threading.Thread(target=work)\nt.start()\nt.join()\n\
                  u = threading.Thread(target=work, name='named')\nu.start()\nu.join()\n\
                  _thread.start_new_thread(work, ())\nimport time\ntime.sleep(0.05)\n";
    let out = run_source(source, &[]);
    let err = stderr(&out);
    assert!(err.contains("Exception in thread Thread-1 (work):\nTraceback"), "{err}");
    assert!(err.contains("Exception in thread named:\nTraceback"), "{err}");
    // A `_thread` thread has no name: CPython's header names the function it ran.
    assert!(err.contains("Exception ignored in thread started by: <function work>\nTraceback"), "{err}");
    assert_eq!(err.matches("ValueError: boom").count(), 3, "{err}");
}

#[test]
fn list_unsupported_names_every_construct_at_once_and_exits_by_what_it_found() {
    let source = "import socket\nx: int = 1\ndata = bytes(2)\nmatch x:\n    case 1:\n        pass\nprint(1 @ 2)\n";
    let out = run_source(source, &["--list-unsupported"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 6, "{stdout}");
    for (line, (at, what)) in lines.iter().zip([
        (":1:1: ", "module 'socket' is not available in emlab"),
        (":2:2: ", "variable annotations"),
        (":3:8: ", "built-in 'bytes' is not available in emlab"),
        (":4:1: ", "match statements are not supported"),
        (":7:9: ", "matrix multiplication operator '@' is not supported"),
    ]) {
        assert!(line.contains("prog.py") && line.contains(at) && line.contains(what), "{line:?} in {stdout}");
    }
    assert!(lines[5].ends_with("prog.py: 5 unsupported constructs"), "{stdout}");
    // Nothing ran: the program's own output is not there.
    let out = run_source("print('ran')\n", &["--list-unsupported"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&out.stdout).ends_with("prog.py: nothing unsupported\n"));
    // A mistake in the program stops the listing with the syntax error, exit 2.
    let out = run_source("x: int = 1\ndef f(:\n", &["--list-unsupported"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stdout).contains(":1:2: variable annotations"));
    assert!(stderr(&out).contains("the listing stops at this syntax error"), "{}", stderr(&out));
}

#[test]
fn unittest_main_reports_on_stderr_and_exits_by_the_result() {
    let passing =
        "import unittest\nclass T(unittest.TestCase):\n    def test_a(self):\n        self.assertEqual(1, 1)\n\
                   if __name__ == '__main__':\n    unittest.main()\n";
    let out = run_source(passing, &[]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(err.starts_with(".\n---") && err.contains("Ran 1 test in ") && err.ends_with("\n\nOK\n"), "{err}");
    let failing =
        "import unittest\nclass T(unittest.TestCase):\n    def test_a(self):\n        self.assertEqual(1, 2)\n    \
                   def test_b(self):\n        pass\nunittest.main()\n";
    let out = run_source(failing, &[]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(err.starts_with("F.\n====") && err.contains("FAIL: test_a (__main__.T.test_a)"), "{err}");
    assert!(err.contains("AssertionError: 1 != 2") && err.ends_with("FAILED (failures=1)\n"), "{err}");
}
