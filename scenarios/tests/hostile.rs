//! Hostile input, through the binary: every input gets the right exit code and a clear message,
//! within a time bound, and (where it could grow) under a memory bound — never a panic, an
//! abort, a signal or a hang. One test per class of input.
//!
//! Memory bounds are enforced with `ulimit -v` in a shell: a run that needs more address space
//! than allowed dies of a failed allocation (a signal or exit 134), which these tests reject.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// What one run of the binary did.
struct Ran {
    code: Option<i32>,
    stdout: String,
    stderr: String,
    took: Duration,
}

impl Ran {
    fn both(&self) -> String {
        format!("exit {:?} after {:?}\n--- stdout\n{}\n--- stderr\n{}", self.code, self.took, self.stdout, self.stderr)
    }
}

/// Runs `emlab ARGS` with at most `memory_mib` of address space (when given), killing it after
/// `limit`; panics if it ran that long.
fn emlab_within(args: &[&str], limit: Duration, memory_mib: Option<u64>) -> Ran {
    let exe = env!("CARGO_BIN_EXE_emlab");
    let mut command = match memory_mib {
        Some(mib) => {
            let mut c = Command::new("sh");
            c.arg("-c").arg(format!("ulimit -v {}; exec \"$0\" \"$@\"", mib << 10)).arg(exe).args(args);
            c
        }
        None => {
            let mut c = Command::new(exe);
            c.args(args);
            c
        }
    };
    let started = Instant::now();
    let mut child = command.stdin(Stdio::null()).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().unwrap();
    let (mut out, mut err) = (child.stdout.take().unwrap(), child.stderr.take().unwrap());
    let out_reader = std::thread::spawn(move || {
        let mut s = String::new();
        let _ = out.read_to_string(&mut s);
        s
    });
    let err_reader = std::thread::spawn(move || {
        let mut s = String::new();
        let _ = err.read_to_string(&mut s);
        s
    });
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if started.elapsed() > limit {
            child.kill().ok();
            child.wait().ok();
            panic!("emlab {args:?} ran past {limit:?}: a hang");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let ran = Ran {
        code: status.code(),
        stdout: out_reader.join().unwrap(),
        stderr: err_reader.join().unwrap(),
        took: started.elapsed(),
    };
    assert!(ran.code.is_some(), "killed by a signal: {}", ran.both());
    assert!(!ran.stderr.contains("panicked at"), "a panic: {}", ran.both());
    assert_ne!(ran.code, Some(101), "a panic: {}", ran.both());
    assert_ne!(ran.code, Some(134), "an abort: {}", ran.both());
    ran
}

fn emlab(args: &[&str]) -> Ran {
    emlab_within(args, Duration::from_secs(60), None)
}

/// A scratch directory, removed when dropped.
struct Scratch(PathBuf);

impl Scratch {
    fn new(name: &str) -> Scratch {
        let dir = std::env::temp_dir().join(format!("emlab-hostile-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        Scratch(dir)
    }

    fn write(&self, name: &str, text: &str) -> String {
        let path = self.0.join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, text).unwrap();
        path.display().to_string()
    }

    fn path(&self) -> String {
        self.0.display().to_string()
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn suite() -> String {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("suite").display().to_string()
}

const SPIN_WAIT: &str = "\
# expect: pass
flag = [0]
def setter():
    flag[0] = 1
h = spawn(setter)
while flag[0] == 0:
    pass
join(h)
";

// ---- hangs and budgets -------------------------------------------------------------------

#[test]
fn every_scheduler_ends_on_programs_without_threads() {
    let dir = Scratch::new("trivial");
    dir.write("assign.py", "# expect: pass\nx = 1\n");
    dir.write("empty.py", "# expect: pass\n");
    dir.write("loop.py", "# expect: pass\ni = 0\nwhile i < 3000:\n    i += 1\nassert i == 3000\n");
    dir.write("fails.py", "# expect: violation assertion\nassert 1 == 2\n");
    let mut args = vec!["check", &dir.0.to_str().unwrap()];
    for s in ["random", "pct", "dfs", "loom", "os"] {
        args.extend(["--scheduler", s]);
    }
    let ran = emlab_within(&args, Duration::from_secs(60), None);
    assert_eq!(ran.code, Some(0), "{}", ran.both());
    assert!(ran.stdout.ends_with("20 passed, 0 failed\n"), "{}", ran.both());
}

#[test]
fn every_scheduler_ends_on_every_bundled_scenario() {
    // Not every scheduler meets every expectation (a scenario names the ones that do); what is
    // checked here is that each ends within its budget, and that none finds a VM panic. (`os` runs
    // on the trivial programs above: on the suite, each deadlock scenario costs it 12 s.)
    let args = [
        "check",
        &suite(),
        "--scheduler",
        "random",
        "--scheduler",
        "pct",
        "--scheduler",
        "dfs",
        "--scheduler",
        "loom",
        "--iterations",
        "30",
        "--format",
        "json",
        "--no-minimize",
    ];
    let ran = emlab_within(&args, Duration::from_secs(240), None);
    assert!(matches!(ran.code, Some(0 | 1)), "{}", ran.both());
    let lines: Vec<&str> = ran.stdout.lines().collect();
    assert!(lines.len() >= 4 * 30, "{} results", lines.len());
    for line in lines {
        assert!(!line.contains("vm-panic"), "{line}");
        assert!(!line.contains("\"verdict\":\"timeout\""), "{line}");
        let schedules: usize = line.split("\"schedules\":").nth(1).unwrap().split(',').next().unwrap().parse().unwrap();
        assert!(schedules <= 30, "{line}");
    }
}

#[test]
fn loom_runs_exactly_the_iterations_asked_for() {
    let dir = Scratch::new("loom");
    let file = dir.write("spin.py", SPIN_WAIT);
    let ran = emlab(&["check", &file, "--scheduler", "loom", "--iterations", "10", "--format", "json"]);
    assert_eq!(ran.code, Some(0), "{}", ran.both());
    assert!(ran.stdout.contains("\"schedules\":10,"), "{}", ran.both());
}

#[test]
fn zero_iterations_is_rejected_on_the_command_line_as_in_a_directive() {
    let dir = Scratch::new("zero");
    let file = dir.write("x.py", "# expect: pass\nx = 1\n");
    let ran = emlab(&["check", &file, "--iterations", "0"]);
    assert_eq!(ran.code, Some(2), "{}", ran.both());
    assert!(ran.stderr.contains("must be a positive integer, found '0'"), "{}", ran.both());
    let directive = dir.write("y.py", "# expect: pass\n# iterations: 0\nx = 1\n");
    let ran = emlab(&["check", &directive]);
    assert_eq!(ran.code, Some(2), "{}", ran.both());
    assert!(ran.stderr.contains("y.py:2:") && ran.stderr.contains("must be a positive integer"), "{}", ran.both());
}

#[test]
fn jobs_out_of_range_are_rejected() {
    let dir = Scratch::new("jobs");
    let file = dir.write("x.py", "# expect: pass\nx = 1\n");
    for (jobs, says) in [("1000", "at most 256 jobs"), ("0", "positive integer"), ("many", "positive integer")] {
        let ran = emlab(&["check", &file, "--jobs", jobs]);
        assert_eq!(ran.code, Some(2), "{}", ran.both());
        assert!(ran.stderr.contains(says), "{}", ran.both());
    }
    let ran = emlab(&["check", &file, "--jobs", "256", "--scheduler", "random", "--iterations", "300"]);
    assert_eq!(ran.code, Some(0), "{}", ran.both());
}

#[test]
fn a_schedule_naming_billions_of_steps_is_rejected_before_it_is_expanded() {
    let dir = Scratch::new("schedule");
    let file = dir.write("x.py", "x = 1\n");
    let huge = vec!["0x10000000.1x10000000"; 20].join(".");
    let ran = emlab_within(&["replay", &file, "--schedule", &huge], Duration::from_secs(10), Some(1024));
    assert_eq!(ran.code, Some(2), "{}", ran.both());
    assert!(ran.stderr.contains("more than 10000000 steps in all"), "{}", ran.both());
    let ran = emlab(&["replay", &file, "--schedule", "0x99999999999999999999999"]);
    assert_eq!(ran.code, Some(2), "{}", ran.both());
}

#[test]
fn a_scenario_that_runs_too_long_gets_the_timeout_verdict() {
    let dir = Scratch::new("timeout");
    // Every schedule runs a long loop (within the step budget: a step-limit would end the search
    // at once), and none shows the expected assertion.
    let file = dir.write("slow.py", "# expect: violation assertion\nx = 0\nfor i in range(100000):\n    x += 1\n");
    let ran = emlab_within(&["check", &file, "--scheduler", "random", "--timeout", "2"], Duration::from_secs(30), None);
    assert_eq!(ran.code, Some(1), "{}", ran.both());
    assert!(ran.stdout.starts_with("TIME"), "{}", ran.both());
    assert!(ran.stdout.contains("no verdict within --timeout 2s"), "{}", ran.both());
    assert!(ran.stdout.ends_with("0 passed, 1 failed (1 timed out)\n"), "{}", ran.both());
    let json = emlab_within(
        &["check", &file, "--scheduler", "random", "--timeout", "1", "--format", "json"],
        Duration::from_secs(30),
        None,
    );
    assert!(json.stdout.contains("\"verdict\":\"timeout\""), "{}", json.both());
}

#[test]
fn a_hang_is_reported_promptly_under_every_randomized_and_exhaustive_scheduler() {
    // Each schedule spins to the step budget; shrinking such a trace is cut short.
    let dir = Scratch::new("hang");
    let file = dir.write("hang.py", "# expect: pass\nflag = [0]\nwhile flag[0] == 0:\n    pass\n");
    let args = ["check", &file, "--scheduler", "random", "--scheduler", "pct", "--scheduler", "dfs"];
    let ran = emlab_within(&args, Duration::from_secs(90), Some(2048));
    assert_eq!(ran.code, Some(1), "{}", ran.both());
    assert_eq!(ran.stdout.matches("found step-limit").count(), 3, "{}", ran.both());
    assert_eq!(ran.stdout.matches("replay: emlab replay").count(), 3, "{}", ran.both());
}

// ---- false alarms ------------------------------------------------------------------------

#[test]
fn a_terminating_spin_wait_passes_under_every_scheduler() {
    let dir = Scratch::new("spin");
    let file = dir.write("spin.py", SPIN_WAIT);
    let mut args = vec!["check", file.as_str()];
    for s in ["random", "pct", "dfs", "loom", "os"] {
        args.extend(["--scheduler", s]);
    }
    let ran = emlab(&args);
    assert_eq!(ran.code, Some(0), "{}", ran.both());
    assert!(ran.stdout.ends_with("5 passed, 0 failed\n"), "{}", ran.both());
}

#[test]
fn ordinary_programs_are_within_the_checkers_limits() {
    let dir = Scratch::new("limits");
    dir.write("loop.py", "# expect: pass\ni = 0\nwhile i < 3000:\n    i += 1\n");
    dir.write(
        "deep.py",
        "# expect: pass\ndef f(n):\n    if n == 0:\n        return 0\n    return f(n - 1) + 1\nassert f(990) == 990\n",
    );
    // 70,000 string constants: more than the 65,536 objects the checker's heap used to hold.
    let consts: String = (0..70_000).map(|i| format!("'s{i}'\n")).collect();
    dir.write("consts.py", &format!("# expect: pass\n{consts}"));
    let ran = emlab(&["check", &dir.path(), "--scheduler", "random", "--scheduler", "dfs", "--iterations", "3"]);
    assert_eq!(ran.code, Some(0), "{}", ran.both());
    assert!(ran.stdout.ends_with("6 passed, 0 failed\n"), "{}", ran.both());
    // The same limits, lowered by flags, turn them into violations.
    let ran = emlab(&["check", &dir.path(), "--scheduler", "random", "--iterations", "1", "--max-steps", "1000"]);
    assert!(ran.stdout.contains("found step-limit"), "{}", ran.both());
    let deep = dir.0.join("deep.py").display().to_string();
    let ran = emlab(&["run", &deep, "--max-recursion", "100"]);
    assert_eq!(ran.code, Some(1), "{}", ran.both());
    assert!(ran.stderr.contains("RecursionError: maximum recursion depth exceeded"), "{}", ran.both());
}

// ---- memory ------------------------------------------------------------------------------

#[test]
fn containers_grown_forever_raise_memory_error() {
    let dir = Scratch::new("grow");
    let list = dir.write("list.py", "x = []\nwhile True:\n    x.append(1)\n");
    let dict = dir.write("dict.py", "d = {}\ni = 0\nwhile True:\n    d[i] = i\n    i += 1\n");
    let repeat = dir.write("repeat.py", "x = [0] * 10000\nwhile True:\n    x = x + x\n");
    // Everything stays live: collections near the limit free nothing (they used to run at every
    // allocation for ever less room, for a minute under 512M).
    let filling = dir.write("filling.py", "d = {}\ni = 0\nwhile True:\n    d[i] = (i, str(i))\n    i += 1\n");
    let strings = dir.write("strs.py", "x = []\nwhile True:\n    x.append(str(len(x)) * 100)\n");
    for file in [&list, &dict, &repeat, &strings, &filling] {
        let ran = emlab_within(&["run", file, "--max-heap", "64M"], Duration::from_secs(60), Some(1024));
        assert_eq!(ran.code, Some(1), "{file}: {}", ran.both());
        assert!(ran.stderr.contains("MemoryError"), "{file}: {}", ran.both());
    }
    // Under the default limit too, which is half of `ulimit -v` when that is lower than the
    // machine's memory: 768 MiB of 1.5 GiB.
    let ran = emlab_within(&["run", &filling], Duration::from_secs(120), Some(1536));
    assert_eq!(ran.code, Some(1), "{}", ran.both());
    assert!(ran.stderr.contains("MemoryError: out of memory: the heap limit is 805306368 bytes"), "{}", ran.both());
    let ran = emlab_within(&["run", &list], Duration::from_secs(120), Some(1536));
    assert_eq!(ran.code, Some(1), "{}", ran.both());
    assert!(ran.stderr.contains("MemoryError"), "{}", ran.both());
    // And under the checker.
    let scenario = dir.write("grow.py", "# expect: violation exception\nx = []\nwhile True:\n    x.append(1)\n");
    let ran = emlab_within(
        &["check", &scenario, "--scheduler", "random", "--iterations", "1", "--max-heap", "1M"],
        Duration::from_secs(60),
        Some(1024),
    );
    assert_eq!(ran.code, Some(0), "{}", ran.both());
}

#[test]
fn endless_or_huge_input_is_refused_quickly() {
    let ran = emlab_within(&["run", "/dev/zero"], Duration::from_secs(10), Some(512));
    assert_eq!(ran.code, Some(2), "{}", ran.both());
    assert!(ran.stderr.contains("/dev/zero:1:1: SyntaxError: source code cannot contain null bytes"), "{}", ran.both());
    let dir = Scratch::new("huge");
    let nul = dir.write("nul.py", "x = 'a\0b'\nprint(x)\n");
    let ran = emlab(&["run", &nul]);
    assert_eq!(ran.code, Some(2), "{}", ran.both());
    assert!(ran.stderr.contains("nul.py:1:7: SyntaxError: source code cannot contain null bytes"), "{}", ran.both());
    let big = dir.write("big.py", &"x = 1\n".repeat(3 << 20));
    let ran = emlab_within(&["run", &big], Duration::from_secs(10), Some(1024));
    assert_eq!(ran.code, Some(2), "{}", ran.both());
    assert!(ran.stderr.contains("larger than 16 MiB"), "{}", ran.both());
}

#[test]
fn bad_limit_flags_are_usage_errors() {
    let dir = Scratch::new("flags");
    let file = dir.write("x.py", "x = 1\n");
    for args in [
        vec!["run", &file, "--max-heap", "lots"],
        vec!["run", &file, "--max-heap", "0"],
        vec!["run", &file, "--max-steps", "0"],
        vec!["run", &file, "--max-recursion", "1000000"],
        vec!["check", &file, "--timeout", "0"],
    ] {
        let ran = emlab(&args);
        assert_eq!(ran.code, Some(2), "{args:?}: {}", ran.both());
        assert!(ran.stderr.contains("invalid value"), "{args:?}: {}", ran.both());
    }
}

// ---- diagnostics -------------------------------------------------------------------------

#[test]
fn special_files_are_named_for_what_they_are() {
    let dir = Scratch::new("special");
    let fifo = dir.0.join("pipe.py");
    assert!(Command::new("mkfifo").arg(&fifo).status().unwrap().success());
    let fifo = fifo.display().to_string();
    for (args, says) in [
        (vec!["check", "/dev/null"], "it is a character device"),
        (vec!["bench", "/dev/null"], "it is a character device"),
        (vec!["check", &fifo], "it is a FIFO"),
        (vec!["bench", &fifo], "it is a FIFO"),
    ] {
        let ran = emlab_within(&args, Duration::from_secs(10), None);
        assert_eq!(ran.code, Some(2), "{args:?}: {}", ran.both());
        assert!(ran.stderr.contains(says) && !ran.stderr.contains("no such file"), "{args:?}: {}", ran.both());
    }
    let ran = emlab(&["run", "/dev/null"]);
    assert_eq!(ran.code, Some(0), "an empty program: {}", ran.both());
}

#[test]
fn carriage_return_line_endings_put_the_caret_on_the_right_line() {
    let dir = Scratch::new("cr");
    let file = dir.write("cr.py", "x = 1\ry = (\rprint(x)\r");
    let ran = emlab(&["run", &file]);
    assert_eq!(ran.code, Some(2), "{}", ran.both());
    assert!(ran.stderr.contains("cr.py:2:5: SyntaxError: '(' was never closed"), "{}", ran.both());
    assert!(ran.stderr.contains(" 2 │ y = ("), "{}", ran.both());
    let column = |line: &str, c: char| line.chars().position(|x| x == c);
    let caret = ran.stderr.lines().find(|l| l.contains('┬')).unwrap();
    let source = ran.stderr.lines().find(|l| l.contains(" 2 │ y = (")).unwrap();
    assert_eq!(column(caret, '┬'), column(source, '('), "{}", ran.both());
    // A runtime error names the right line too.
    let file = dir.write("err.py", "x = 1\r\ny = 2\rprint(x // 0)\r");
    let ran = emlab(&["run", &file]);
    assert_eq!(ran.code, Some(1), "{}", ran.both());
    assert!(ran.stderr.contains("line 3") && ran.stderr.contains("print(x // 0)"), "{}", ran.both());
}

#[test]
fn the_replay_command_survives_spaces_and_non_ascii_in_the_path() {
    let dir = Scratch::new("quoting");
    let file = dir.write(
        "my dir/caf\u{e9} it's.py",
        "# expect: pass\nc = [0]\ndef work():\n    c[0] += 1\nh = spawn(work)\nwork()\njoin(h)\nassert c[0] == 2\n",
    );
    let ran = emlab(&["check", &file, "--scheduler", "pct"]);
    assert_eq!(ran.code, Some(1), "{}", ran.both());
    let replay = ran.stdout.lines().find_map(|l| l.trim().strip_prefix("replay: ")).expect("a replay command");
    let exe = env!("CARGO_BIN_EXE_emlab");
    let command = replay.replacen("emlab", &format!("'{exe}'"), 1);
    let out = Command::new("sh").arg("-c").arg(&command).output().unwrap();
    assert_eq!(out.status.code(), Some(1), "{command}: {}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stdout).contains("violation: assertion"), "{command}");
}

#[test]
fn a_directory_symlink_loop_runs_each_scenario_once() {
    let dir = Scratch::new("symlinks");
    dir.write("a/x.py", "# expect: pass\nx = 1\n");
    std::os::unix::fs::symlink(&dir.0, dir.0.join("a/loop")).unwrap();
    let ran = emlab(&["check", &dir.path(), "--scheduler", "pct"]);
    assert_eq!(ran.code, Some(0), "{}", ran.both());
    assert!(ran.stdout.ends_with("1 passed, 0 failed\n"), "{}", ran.both());
}

// ---- threads -----------------------------------------------------------------------------

fn spawn_many(n: usize) -> String {
    format!(
        "N = {n}\ndef work(i):\n    return i * 2\nhs = []\ni = 0\nwhile i < N:\n    hs.append(spawn(work, i))\n    i += 1\n\
         total = 0\nfor h in hs:\n    total += join(h)\nprint(total)\n"
    )
}

#[test]
fn thousands_of_threads_print_the_right_answer() {
    let dir = Scratch::new("threads");
    for n in [1000usize, 5000] {
        let file = dir.write(&format!("many{n}.py"), &spawn_many(n));
        let ran = emlab_within(&["run", &file], Duration::from_secs(60), None);
        assert_eq!(ran.code, Some(0), "{}", ran.both());
        assert_eq!(ran.stdout.trim(), (n * (n - 1)).to_string(), "{}", ran.both());
    }
    // All alive at once: each waits at a lock until the last has started.
    let file = dir.write(
        "alive.py",
        "N = 5000\ngate = Lock()\ngate.acquire()\ndef work(i):\n    with gate:\n        pass\n    return i * 2\nhs = []\n\
         i = 0\nwhile i < N:\n    hs.append(spawn(work, i))\n    i += 1\ngate.release()\ntotal = 0\nfor h in hs:\n    \
         total += join(h)\nprint(total)\n",
    );
    let ran = emlab_within(&["run", &file], Duration::from_secs(60), None);
    assert_eq!(ran.code, Some(0), "{}", ran.both());
    assert_eq!(ran.stdout.trim(), (5000 * 4999).to_string(), "{}", ran.both());
}

#[test]
fn a_refused_thread_start_is_a_runtime_error() {
    let dir = Scratch::new("refused");
    // Under a 1 GiB address-space limit not all 5,000 threads (2 MiB of stack each) can start.
    let file = dir.write(
        "refused.py",
        "N = 5000\ndef work(i):\n    j = 0\n    while j < 200000:\n        j += 1\n    return i\nhs = []\ni = 0\n\
         while i < N:\n    hs.append(spawn(work, i))\n    i += 1\nprint('all started')\n",
    );
    let ran = emlab_within(&["run", &file], Duration::from_secs(120), Some(1024));
    assert_eq!(ran.code, Some(1), "{}", ran.both());
    assert!(ran.stderr.contains("RuntimeError: can't start new thread"), "{}", ran.both());
    assert!(ran.stderr.contains("line 10"), "{}", ran.both());
}

#[test]
fn a_thread_joining_itself_is_a_runtime_error() {
    let dir = Scratch::new("selfjoin");
    let file = dir.write("selfjoin.py", "gate = Lock()\ngate.acquire()\nhs = []\ndef f():\n    with gate:\n        pass\n    join(hs[0])\nhs.append(spawn(f))\ngate.release()\njoin(hs[0])\nprint('after')\n");
    let ran = emlab_within(&["run", &file], Duration::from_secs(10), None);
    assert_eq!(ran.code, Some(0), "{}", ran.both());
    assert_eq!(ran.stdout, "after\n");
    assert!(ran.stderr.contains("RuntimeError: cannot join current thread"), "{}", ran.both());
    // Under the checker it is an exception, not a deadlock.
    let scenario = dir.write(
        "selfjoin_check.py",
        "# expect: violation exception\ngate = Lock()\ngate.acquire()\nhs = []\ndef f():\n    with gate:\n        pass\n    join(hs[0])\nhs.append(spawn(f))\ngate.release()\njoin(hs[0])\n",
    );
    let ran = emlab(&["check", &scenario]);
    assert_eq!(ran.code, Some(0), "{}", ran.both());
    assert!(!ran.stdout.contains("deadlock"), "{}", ran.both());
}

#[test]
fn deep_nesting_and_nested_callbacks_end_in_a_recursion_error_not_a_crash() {
    let dir = Scratch::new("nesting");
    let nest = "def nest(n):\n    x = []\n    i = 0\n    while i < n:\n        x = [x]\n        i += 1\n    return x\n";
    // 990 levels work everywhere (as in CPython); in a spawned thread too, on its small stack.
    let file = dir.write(
        "nest.py",
        &format!("{nest}def work(n):\n    a = nest(n)\n    return [len(repr(a)), a == nest(n)]\nprint(join(spawn(work, 990)))\n"),
    );
    let ran = emlab(&["run", &file]);
    assert_eq!((ran.code, ran.stdout.as_str()), (Some(0), "[1982, True]\n"), "{}", ran.both());
    // Deeper than the native nesting limit, even with a huge --max-recursion: RecursionError.
    let deep = dir.write(
        "deep.py",
        &format!("{nest}def work(n):\n    return len(repr(nest(n)))\nprint(join(spawn(work, 5000)))\n"),
    );
    let ran = emlab(&["run", &deep, "--max-recursion", "100000"]);
    assert_eq!(ran.code, Some(0), "{}", ran.both());
    assert!(
        ran.stderr.contains("RecursionError: maximum recursion depth exceeded while getting the repr"),
        "{}",
        ran.both()
    );
    // Callbacks from an extension that call back into it, without end.
    let callbacks = dir.write(
        "callbacks.py",
        "# expect: violation exception\nimport callback\ndef f(n):\n    return callback.apply(f, n + 1)\n\
         def g():\n    return f(0)\njoin(spawn(g))\n",
    );
    // In the main thread, which loom runs on a fixed 32 KiB stack: a RecursionError under loom
    // (its limits are lower, see the README), never a stack overflow, a panic or a hang.
    let main = dir.write("main.py", &format!("# expect: pass\n{nest}assert len(repr(nest(200))) == 402\n"));
    let ran = emlab(&["check", &main, "--scheduler", "random", "--scheduler", "dfs", "--iterations", "3"]);
    assert_eq!(ran.code, Some(0), "{}", ran.both());
    let ran = emlab(&["check", &main, "--scheduler", "loom", "--format", "json"]);
    assert_eq!(ran.code, Some(1), "{}", ran.both());
    assert!(ran.stdout.contains("\"found\":[\"exception\"]"), "{}", ran.both());
    let ran = emlab(&["run", &callbacks]);
    assert_eq!(ran.code, Some(0), "{}", ran.both());
    assert!(
        ran.stderr.contains("RecursionError: maximum recursion depth exceeded: calls from native code"),
        "{}",
        ran.both()
    );
    let ran = emlab(&[
        "check",
        &callbacks,
        "--scheduler",
        "random",
        "--scheduler",
        "pct",
        "--scheduler",
        "dfs",
        "--scheduler",
        "loom",
        "--iterations",
        "5",
    ]);
    assert_eq!(ran.code, Some(0), "{}", ran.both());
}

// ---- classes that were already handled, kept so -----------------------------------------

#[test]
fn malformed_programs_directives_and_schedules_get_exit_2_with_file_and_line() {
    let dir = Scratch::new("malformed");
    let cases: Vec<(&str, String, &str)> = vec![
        (
            "parens.py",
            format!("x = {}1{}\n", "(".repeat(5000), ")".repeat(5000)),
            "SyntaxError: too many nested parentheses",
        ),
        ("literal.py", "x = 99999999999999999999999_\n".into(), "literal.py:1:5: SyntaxError: invalid decimal literal"),
        ("brackets.py", format!("x = {}{}\n", "[".repeat(3000), "]".repeat(3000)), "SyntaxError"),
        ("utf8.py", String::from_utf8_lossy(b"x = 1\n").into_owned() + "\u{feff}", "SyntaxError"),
    ];
    for (name, source, says) in cases {
        let file = dir.write(name, &source);
        let ran = emlab_within(&["run", &file], Duration::from_secs(10), Some(1024));
        assert_eq!(ran.code, Some(2), "{name}: {}", ran.both());
        assert!(ran.stderr.contains(says), "{name}: {}", ran.both());
    }
    let bad_utf8 = dir.0.join("latin1.py");
    std::fs::write(&bad_utf8, b"x = '\xe9'\n").unwrap();
    let ran = emlab(&["run", bad_utf8.to_str().unwrap()]);
    assert_eq!(ran.code, Some(2), "{}", ran.both());
    assert!(ran.stderr.contains("not UTF-8"), "{}", ran.both());
    let directive = dir.write("directive.py", "# expect: sometimes\nx = 1\n");
    let ran = emlab(&["check", &directive]);
    assert_eq!(ran.code, Some(2), "{}", ran.both());
    assert!(ran.stderr.contains("directive.py:1: expected 'pass' or 'violation"), "{}", ran.both());
    for schedule in ["0x1.zz", "x", "loom:-1", "1x"] {
        let ran = emlab(&["replay", &directive, "--schedule", schedule]);
        assert_eq!(ran.code, Some(2), "{schedule}: {}", ran.both());
        assert!(ran.stderr.contains("bad schedule"), "{schedule}: {}", ran.both());
    }
}

#[test]
fn runtime_errors_at_the_edges_exit_1_with_python_messages() {
    let dir = Scratch::new("edges");
    let cases = [
        (
            "overflow.py",
            "x = 9223372036854775807\nx = float(x ** 40)\n",
            "OverflowError: int too large to convert to float",
        ),
        (
            "arity.py",
            "import bank\nbank.transfer([1])\n",
            "TypeError: transfer() missing 3 required positional arguments",
        ),
        ("recursion.py", "def f(n):\n    return f(n + 1)\nf(0)\n", "RecursionError: maximum recursion depth exceeded"),
        (
            "range.py",
            "print(len(range(-9223372036854775807 - 1, 9223372036854775807)))\n",
            "OverflowError: Python int too large",
        ),
    ];
    for (name, source, says) in cases {
        let file = dir.write(name, source);
        let ran = emlab_within(&["run", &file], Duration::from_secs(20), Some(1024));
        assert_eq!(ran.code, Some(1), "{name}: {}", ran.both());
        assert!(ran.stderr.contains(says), "{name}: {}", ran.both());
    }
}
