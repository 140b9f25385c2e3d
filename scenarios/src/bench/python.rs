//! The CPython peer of `emlab bench --python`: running a benchmark under CPython with emlab's
//! prelude, and checking that it printed what emlab printed.

use super::{python_prelude, Benchmark, Job};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// How the driver reports the program's time on stderr.
const SECONDS_MARKER: &str = "emlab-bench-seconds:";

/// Runs the program named by `sys.argv[1]` as `__main__` and reports how long it ran, compilation
/// and CPython's start-up excluded, as emlab's times exclude them.
const DRIVER: &str = r#"
import sys, time
path = sys.argv[1]
with open(path) as f:
    code = compile(f.read(), path, "exec")
sys.argv = sys.argv[1:]
env = {"__name__": "__main__", "__file__": path, "__builtins__": __builtins__}
start = time.perf_counter()
exec(code, env)
elapsed = time.perf_counter() - start
sys.stdout.flush()
sys.stderr.write("\nemlab-bench-seconds: %r\n" % elapsed)
"#;

/// A CPython to compare with: a program and its leading arguments.
pub(super) struct Python {
    argv: Vec<String>,
}

impl Python {
    /// Splits `--python CMD` at spaces and checks that it starts and loads emlab's prelude.
    pub(super) fn new(cmd: &str) -> Result<Python, String> {
        let python = Python { argv: cmd.split_whitespace().map(str::to_string).collect() };
        if python.argv.is_empty() {
            return Err("emlab: --python needs a command, e.g. --python python3".to_string());
        }
        let out = python
            .command()
            .args(["-c", "spawn, join, Lock"])
            .output()
            .map_err(|e| format!("emlab: cannot run '{cmd}': {e}"))?;
        if !out.status.success() {
            return Err(format!(
                "emlab: '{cmd}' did not load emlab's prelude from {}:\n{}",
                python_prelude().display(),
                String::from_utf8_lossy(&out.stderr).trim_end()
            ));
        }
        Ok(python)
    }

    fn command(&self) -> Command {
        let mut prelude = vec![python_prelude()];
        prelude.extend(std::env::var_os("PYTHONPATH").iter().flat_map(std::env::split_paths));
        let mut command = Command::new(&self.argv[0]);
        command.args(&self.argv[1..]).env("PYTHONDONTWRITEBYTECODE", "1").stdin(Stdio::null());
        if let Ok(path) = std::env::join_paths(prelude) {
            command.env("PYTHONPATH", path);
        }
        command
    }

    /// Runs `script` `repeat` times, each in a fresh CPython: the fastest run and its stdout.
    pub(super) fn time(&self, script: &Path, repeat: u32) -> Result<(f64, String), String> {
        let mut best = (f64::INFINITY, String::new());
        for _ in 0..repeat {
            let out = self.command().arg("-c").arg(DRIVER).arg(script).output();
            let out = out.map_err(|e| format!("cannot run CPython: {e}"))?;
            let stderr = String::from_utf8_lossy(&out.stderr);
            if !out.status.success() {
                return Err(format!("CPython failed ({}):\n{}", out.status, stderr.trim_end()));
            }
            let seconds = stderr
                .lines()
                .rev()
                .find_map(|line| line.strip_prefix(SECONDS_MARKER)?.trim().parse::<f64>().ok())
                .ok_or_else(|| format!("CPython did not report its time:\n{}", stderr.trim_end()))?;
            if seconds < best.0 {
                best = (seconds, String::from_utf8_lossy(&out.stdout).into_owned());
            }
        }
        Ok(best)
    }
}

/// A scratch directory for rewritten sources, removed when dropped.
pub(super) struct Scratch(PathBuf);

impl Scratch {
    pub(super) fn new() -> Scratch {
        Scratch(std::env::temp_dir().join(format!("emlab-bench-{}", std::process::id())))
    }

    /// The file CPython runs for `job`: the benchmark itself, or a rewritten copy.
    pub(super) fn script(&self, bench: &Benchmark, job: &Job) -> Result<PathBuf, String> {
        if !job.rewritten {
            return Ok(bench.path.clone());
        }
        let every = job.share.map_or(String::new(), |s| format!("-every{}", s.every));
        let folder = format!("{}{every}", job.threads);
        let path = self.0.join(folder).join(bench.path.file_name().unwrap_or_default());
        let written =
            std::fs::create_dir_all(path.parent().unwrap_or(&self.0)).and_then(|()| std::fs::write(&path, &job.source));
        written.map(|()| path).map_err(|e| format!("cannot write a copy for CPython: {e}"))
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Where the two outputs first differ, for the error message.
pub(super) fn output_mismatch(emlab: &str, python: &str) -> Option<String> {
    if emlab == python {
        return None;
    }
    let (mut e, mut p) = (emlab.lines(), python.lines());
    for line in 1.. {
        match (e.next(), p.next()) {
            (Some(a), Some(b)) if a == b => continue,
            (None, None) => return Some("output differs from CPython's in line endings only".to_string()),
            (a, b) => {
                let show = |s: Option<&str>| s.map_or("end of output".to_string(), |s| format!("{s:?}"));
                return Some(format!(
                    "output differs from CPython's at line {line}: emlab {}, CPython {}",
                    show(a),
                    show(b)
                ));
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mismatches_name_the_first_differing_line() {
        assert_eq!(output_mismatch("1\n2\n", "1\n2\n"), None);
        let message = output_mismatch("1\n2\n", "1\n3\n").unwrap();
        assert!(message.contains("line 2") && message.contains("\"2\"") && message.contains("\"3\""), "{message}");
        assert!(output_mismatch("1\n", "1\n2\n").unwrap().contains("emlab end of output"));
        assert!(output_mismatch("1\n", "1\r\n").unwrap().contains("line endings"));
    }

    #[test]
    fn the_driver_reports_with_the_marker_it_is_read_with() {
        assert!(DRIVER.contains(&format!("\"\\n{SECONDS_MARKER} %r\\n\"")), "{DRIVER}");
    }
}
