//! The scenario file format: a program whose leading comment lines are directives.
//!
//! ```python
//! # show: two transfers race with a watcher; the EML keeps each transfer atomic
//! # expect: pass                       or: violation KIND[, KIND...]
//! # mode: eml                          optional, default eml
//! # inject: gc-ignore-pins             optional; comma-separated or repeated
//! # schedulers: random pct dfs loom    optional, default: random pct dfs loom
//! # iterations: 2000                   optional
//! import bank
//! ```
//!
//! Directives are read only from the leading block of comment and blank lines.

pub use emlab_scheduler::SchedulerKind;
pub use emlab_vm::ViolationKind;
use emlab_vm::{Bug, Mode};
use std::fmt;
use std::path::{Path, PathBuf};
use std::str::FromStr;

/// What a scenario expects of every scheduler that explores it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Expectation {
    /// No explored schedule shows any violation.
    Pass,
    /// Some explored schedule shows one of these kinds (and none a vm-panic).
    Violation(Vec<ViolationKind>),
}

impl fmt::Display for Expectation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Expectation::Pass => f.write_str("pass"),
            Expectation::Violation(kinds) => {
                write!(f, "violation {}", kinds.iter().map(|k| k.name()).collect::<Vec<_>>().join(", "))
            }
        }
    }
}

impl FromStr for Expectation {
    type Err = String;

    fn from_str(s: &str) -> Result<Expectation, String> {
        let s = s.trim();
        if s == "pass" {
            return Ok(Expectation::Pass);
        }
        let Some(rest) = s.strip_prefix("violation") else {
            return Err(format!("expected 'pass' or 'violation KIND[, KIND...]', found '{s}'"));
        };
        let kinds: Result<Vec<ViolationKind>, String> = rest
            .split([',', ' '])
            .filter(|k| !k.is_empty())
            .map(|k| k.parse::<ViolationKind>().map_err(|e| e.to_string()))
            .collect();
        let kinds = kinds?;
        if kinds.is_empty() {
            return Err(format!(
                "'violation' needs at least one kind: {}",
                ViolationKind::ALL.map(ViolationKind::name).join(", ")
            ));
        }
        Ok(Expectation::Violation(kinds))
    }
}

/// A parsed scenario.
#[derive(Debug, Clone)]
pub struct Scenario {
    pub path: PathBuf,
    /// The name shown in results: the path relative to the directory searched, with `/`.
    pub name: String,
    pub source: String,
    pub description: Option<String>,
    pub expect: Expectation,
    pub mode: Mode,
    pub bugs: Vec<Bug>,
    pub schedulers: Vec<SchedulerKind>,
    pub iterations: Option<usize>,
}

/// A scenario that can't be read or whose directives are wrong: `path:line: message`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}:{line}: {message}", path.display())]
pub struct ScenarioError {
    pub path: PathBuf,
    pub line: usize,
    pub message: String,
}

const DIRECTIVES: [&str; 6] = ["show", "expect", "mode", "inject", "schedulers", "iterations"];

impl Scenario {
    /// Reads and parses a scenario file.
    pub fn load(path: &Path, name: &str) -> Result<Scenario, ScenarioError> {
        let source = std::fs::read_to_string(path).map_err(|e| ScenarioError {
            path: path.to_path_buf(),
            line: 1,
            message: format!("cannot read: {e}"),
        })?;
        Scenario::parse(path, name, &source)
    }

    /// Parses the directives of `source`.
    pub fn parse(path: &Path, name: &str, source: &str) -> Result<Scenario, ScenarioError> {
        let error = |line: usize, message: String| ScenarioError { path: path.to_path_buf(), line, message };
        let mut scenario = Scenario {
            path: path.to_path_buf(),
            name: name.to_string(),
            source: source.to_string(),
            description: None,
            expect: Expectation::Pass,
            mode: Mode::default(),
            bugs: Vec::new(),
            schedulers: SchedulerKind::DEFAULT.to_vec(),
            iterations: None,
        };
        let mut seen: Vec<&str> = Vec::new();
        for (i, raw) in source.lines().enumerate() {
            let line = i + 1;
            let text = raw.trim();
            if text.is_empty() {
                continue;
            }
            let Some(comment) = text.strip_prefix('#') else { break };
            let comment = comment.trim();
            let Some((key, value)) = directive(comment) else {
                if scenario.description.is_none() && !comment.is_empty() {
                    scenario.description = Some(comment.to_string());
                }
                continue;
            };
            if !DIRECTIVES.contains(&key) {
                return Err(error(
                    line,
                    format!("unknown directive '{key}'; known directives: {}", DIRECTIVES.join(", ")),
                ));
            }
            if key != "inject" && seen.contains(&key) {
                return Err(error(line, format!("duplicate '# {key}:' directive")));
            }
            seen.push(key);
            match key {
                "show" => scenario.description = Some(value.to_string()),
                "expect" => scenario.expect = value.parse().map_err(|e| error(line, e))?,
                "mode" => {
                    scenario.mode =
                        value.parse().map_err(|e: emlab_vm::mode::UnknownName| error(line, e.to_string()))?
                }
                "inject" => {
                    for name in value.split([',', ' ']).filter(|n| !n.is_empty()) {
                        let bug: Bug =
                            name.parse().map_err(|e: emlab_vm::mode::UnknownName| error(line, e.to_string()))?;
                        scenario.bugs.push(bug);
                    }
                }
                "schedulers" => {
                    let kinds: Result<Vec<SchedulerKind>, String> = value
                        .split([',', ' '])
                        .filter(|n| !n.is_empty())
                        .map(|n| n.parse().map_err(|e: emlab_vm::mode::UnknownName| e.to_string()))
                        .collect();
                    let kinds = kinds.map_err(|e| error(line, e))?;
                    if kinds.is_empty() {
                        return Err(error(line, "'# schedulers:' names no scheduler".into()));
                    }
                    scenario.schedulers = kinds;
                }
                "iterations" => match value.parse::<usize>() {
                    Ok(n) if n > 0 => scenario.iterations = Some(n),
                    _ => return Err(error(line, format!("iterations must be a positive integer, found '{value}'"))),
                },
                _ => unreachable!("every known directive is handled"),
            }
        }
        if !seen.contains(&"expect") {
            return Err(error(1, "missing '# expect:' directive (e.g. '# expect: pass')".into()));
        }
        Ok(scenario)
    }
}

/// `key: value` when the comment looks like a directive: one lowercase word, then a colon.
fn directive(comment: &str) -> Option<(&str, &str)> {
    let (key, value) = comment.split_once(':')?;
    let is_word = !key.is_empty() && key.chars().all(|c| c.is_ascii_lowercase() || c == '-' || c == '_');
    is_word.then(|| (key, value.trim()))
}

/// Finds scenario files: a file is taken as is; a directory is searched recursively for `*.py`,
/// in path order. Names are relative to the directory given (or the file as given).
pub fn discover(paths: &[PathBuf]) -> Result<Vec<(PathBuf, String)>, ScenarioError> {
    let mut found = Vec::new();
    for path in paths {
        if path.is_file() {
            found.push((path.clone(), path.display().to_string()));
        } else if path.is_dir() {
            let mut files = Vec::new();
            walk(path, &mut files).map_err(|e| ScenarioError {
                path: path.clone(),
                line: 1,
                message: format!("cannot read: {e}"),
            })?;
            files.sort();
            for file in files {
                let name = file.strip_prefix(path).unwrap_or(&file).to_string_lossy().replace('\\', "/");
                found.push((file, name));
            }
        } else {
            return Err(ScenarioError { path: path.clone(), line: 1, message: "no such file or directory".into() });
        }
    }
    Ok(found)
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            walk(&path, out)?;
        } else if path.extension().is_some_and(|e| e == "py") {
            out.push(path);
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(source: &str) -> Result<Scenario, ScenarioError> {
        Scenario::parse(Path::new("s.py"), "s.py", source)
    }

    #[test]
    fn reads_every_directive() {
        let s = parse(
            "# show: a race\n# expect: violation atomicity, assertion\n# mode: nogil\n# inject: gc-ignore-pins\n\
             # inject: eml-no-detach, list-append-unlocked\n# schedulers: pct loom\n# iterations: 50\n\nx = 1\n# expect: pass\n",
        )
        .unwrap();
        assert_eq!(s.description.as_deref(), Some("a race"));
        assert_eq!(s.expect, Expectation::Violation(vec![ViolationKind::Atomicity, ViolationKind::Assertion]));
        assert_eq!(s.mode, Mode::Nogil);
        assert_eq!(s.bugs, vec![Bug::GcIgnorePins, Bug::EmlNoDetach, Bug::ListAppendUnlocked]);
        assert_eq!(s.schedulers, vec![SchedulerKind::Pct, SchedulerKind::Loom]);
        assert_eq!(s.iterations, Some(50));
    }

    #[test]
    fn defaults_and_free_text_comments() {
        let s = parse("# A plain description line\n# expect: pass\nprint(1)\n").unwrap();
        assert_eq!(s.description.as_deref(), Some("A plain description line"));
        assert_eq!(s.mode, Mode::Eml);
        assert_eq!(s.schedulers, SchedulerKind::DEFAULT.to_vec());
    }

    #[test]
    fn errors_name_the_line_and_the_valid_choices() {
        let cases = [
            ("# expcet: pass\n", 1, "unknown directive 'expcet'"),
            ("x = 1\n", 1, "missing '# expect:'"),
            ("# expect: pass\n# mode: fast\n", 2, "valid modes"),
            ("# expect: violation oops\n", 1, "valid violation kinds"),
            ("# expect: violation\n", 1, "at least one kind"),
            ("# expect: pass\n# inject: nope\n", 2, "valid bugs"),
            ("# expect: pass\n# schedulers: fast\n", 2, "valid schedulers"),
            ("# expect: pass\n# iterations: 0\n", 2, "positive integer"),
            ("# expect: pass\n# expect: pass\n", 2, "duplicate"),
        ];
        for (source, line, fragment) in cases {
            let e = parse(source).unwrap_err();
            assert_eq!(e.line, line, "{source:?}: {e}");
            assert!(e.to_string().contains(fragment), "{source:?}: {e}");
            assert!(e.to_string().starts_with("s.py:"), "{e}");
        }
    }

    #[test]
    fn expectations_round_trip() {
        for text in ["pass", "violation atomicity", "violation use-after-free, leak"] {
            assert_eq!(text.parse::<Expectation>().unwrap().to_string(), text);
        }
    }
}
