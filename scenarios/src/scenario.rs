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
//! Directives are read only from the leading block of comment and blank lines; the first code
//! line ends it. In that block, a comment that starts with one lowercase word and a colon
//! (`# word: ...`) is a directive, and an unknown word is an error (a misspelt `# expcet:` must
//! not silently drop an expectation); any other comment is free text, and the first such line
//! describes the scenario when there is no `# show:`. Values that list names (`inject`,
//! `schedulers`, the kinds of `expect`) take commas, spaces or both.
//!
//! [`discover`] finds scenario files, [`Scenario::load`] reads and parses one.

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
        let rest = match s.strip_prefix("violation") {
            Some(rest) if rest.is_empty() || rest.starts_with(char::is_whitespace) => rest,
            _ => return Err(format!("expected 'pass' or 'violation KIND[, KIND...]', found '{s}'")),
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

/// A parsed scenario: its program and what its directives ask for.
#[derive(Debug, Clone)]
pub struct Scenario {
    /// Where the file is.
    pub path: PathBuf,
    /// The name shown in results: the path relative to the directory searched (or the file as
    /// given), with `/` separators, e.g. `eml/bank_transfer.py`.
    pub name: String,
    /// The whole file, directives included (they are comments to the compiler).
    pub source: String,
    /// `# show:`, else the first leading comment line that is not a directive.
    pub description: Option<String>,
    /// `# expect:` (required).
    pub expect: Expectation,
    /// `# mode:`; `eml` when absent.
    pub mode: Mode,
    /// `# inject:`, in the order given (repeated lines add up).
    pub bugs: Vec<Bug>,
    /// `# schedulers:`; [`SchedulerKind::DEFAULT`] when absent.
    pub schedulers: Vec<SchedulerKind>,
    /// `# iterations:`: schedules per scheduler; the checker's default when absent.
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

/// The directive keys, in the order the documentation lists them.
pub const DIRECTIVES: [&str; 6] = ["show", "expect", "mode", "inject", "schedulers", "iterations"];

impl Scenario {
    /// Reads and parses a scenario file.
    pub fn load(path: &Path, name: &str) -> Result<Scenario, ScenarioError> {
        let source = crate::source::read_source(path).map_err(|message| ScenarioError {
            path: path.to_path_buf(),
            line: 1,
            message: message.replacen(&format!("cannot read {}: ", path.display()), "cannot read: ", 1),
        })?;
        Scenario::parse(path, name, &source)
    }

    /// Parses the directives of `source`, the text of the file at `path`, shown as `name`.
    ///
    /// Directives are read from the leading block of comment and blank lines only; the first
    /// code line ends it. Errors name the line: an unknown or duplicate directive, a missing
    /// `# expect:` (line 1), an unknown kind, mode, bug or scheduler (listing the valid ones),
    /// iterations that are not a positive integer.
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
            if comment.starts_with('!') || comment.contains("-*-") {
                continue; // a `#!` line or an editor's coding line: neither directive nor description
            }
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
                "show" => scenario.description = (!value.is_empty()).then(|| value.to_string()),
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

/// `key: value` when the comment looks like a directive: one lowercase word (letters, `-`, `_`)
/// at the start, then a colon that ends the line or is followed by a space. Anything else
/// (`# Two threads race.`, `# see https://...`) is free text.
fn directive(comment: &str) -> Option<(&str, &str)> {
    let (key, value) = comment.split_once(':')?;
    let is_word = key.starts_with(|c: char| c.is_ascii_lowercase())
        && key.chars().all(|c| c.is_ascii_lowercase() || c == '-' || c == '_');
    let separated = value.is_empty() || value.starts_with(char::is_whitespace);
    (is_word && separated).then(|| (key, value.trim()))
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
            let message = crate::source::not_a_file_or_directory(path);
            return Err(ScenarioError { path: path.clone(), line: 1, message });
        }
    }
    Ok(found)
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    crate::source::walk_py(dir, &mut |path| out.push(path))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(source: &str) -> Result<Scenario, ScenarioError> {
        Scenario::parse(Path::new("s.py"), "s.py", source)
    }

    fn error(source: &str) -> ScenarioError {
        parse(source).expect_err(source)
    }

    #[test]
    fn reads_every_directive() {
        let s = parse(
            "# show: a race\n# expect: violation atomicity, assertion\n# mode: nogil\n# inject: gc-ignore-pins\n\
             # inject: eml-no-detach, list-append-unlocked\n# schedulers: pct loom\n# iterations: 50\n\nx = 1\n",
        )
        .unwrap();
        assert_eq!(s.description.as_deref(), Some("a race"));
        assert_eq!(s.expect, Expectation::Violation(vec![ViolationKind::Atomicity, ViolationKind::Assertion]));
        assert_eq!(s.mode, Mode::Nogil);
        assert_eq!(s.bugs, vec![Bug::GcIgnorePins, Bug::EmlNoDetach, Bug::ListAppendUnlocked]);
        assert_eq!(s.schedulers, vec![SchedulerKind::Pct, SchedulerKind::Loom]);
        assert_eq!(s.iterations, Some(50));
        assert_eq!(s.name, "s.py");
        assert!(s.source.ends_with("x = 1\n"));
    }

    #[test]
    fn defaults() {
        let s = parse("# expect: pass\nprint(1)\n").unwrap();
        assert_eq!(s.description, None);
        assert_eq!(s.expect, Expectation::Pass);
        assert_eq!(s.mode, Mode::Eml);
        assert!(s.bugs.is_empty());
        assert_eq!(s.schedulers, SchedulerKind::DEFAULT.to_vec());
        assert_eq!(s.iterations, None);
    }

    #[test]
    fn every_mode_name_parses() {
        for mode in Mode::ALL {
            assert_eq!(parse(&format!("# expect: pass\n# mode: {mode}\n")).unwrap().mode, mode);
        }
    }

    #[test]
    fn free_text_comments_describe_the_scenario() {
        let s = parse("#!/usr/bin/env python3\n# A plain description line\n# More text.\n# expect: pass\n").unwrap();
        assert_eq!(s.description.as_deref(), Some("A plain description line"));
        // `# show:` wins over free text, wherever it is in the block.
        let s = parse("# Some text\n# expect: pass\n# show: the point\n").unwrap();
        assert_eq!(s.description.as_deref(), Some("the point"));
        // Colons that don't follow a single lowercase word are free text too.
        for text in ["# see https://example.org/x", "# Note: capitalised", "# two words: no", "# a:b"] {
            let s = parse(&format!("{text}\n# expect: pass\n")).unwrap();
            assert_eq!(s.description.as_deref(), Some(&text[2..]));
        }
    }

    #[test]
    fn directives_end_at_the_first_code_line() {
        let s = parse("\n# expect: pass\n\nx = 1\n# expect: violation deadlock\n# bogus: x\n").unwrap();
        assert_eq!(s.expect, Expectation::Pass);
        let e = error("x = 1\n# expect: pass\n");
        assert_eq!((e.line, e.message.as_str()), (1, "missing '# expect:' directive (e.g. '# expect: pass')"));
    }

    #[test]
    fn unknown_directives_are_errors_with_the_known_ones() {
        let e = error("# show: x\n# expcet: pass\n");
        assert_eq!(e.line, 2);
        assert_eq!(
            e.message,
            "unknown directive 'expcet'; known directives: show, expect, mode, inject, schedulers, iterations"
        );
        assert_eq!(e.to_string(), format!("s.py:2: {}", e.message));
        assert_eq!(error("# expect: pass\n# no-op:\n").line, 2);
    }

    #[test]
    fn errors_name_the_line_and_the_valid_choices() {
        let cases = [
            ("x = 1\n", 1, "missing '# expect:'"),
            ("# expect: pass\n# mode: fast\n", 2, "valid modes: eml, gil, nogil, gil-on-import"),
            ("# expect: violation oops\n", 1, "valid violation kinds"),
            ("# expect: violation atomicity, oops\n", 1, "use-after-free"),
            ("# expect: violation\n", 1, "at least one kind"),
            ("# expect: violationatomicity\n", 1, "expected 'pass' or 'violation"),
            ("# expect: fail\n", 1, "expected 'pass' or 'violation"),
            ("# expect: pass\n# inject: nope\n", 2, "valid bugs"),
            ("# expect: pass\n# inject: gc-ignore-pins, nope\n", 2, "no-safepoint-backedge"),
            ("# expect: pass\n# schedulers: fast\n", 2, "valid schedulers: random, pct, dfs, dpor, loom, os"),
            ("# expect: pass\n# schedulers:\n", 2, "names no scheduler"),
            ("# expect: pass\n# iterations: 0\n", 2, "positive integer"),
            ("# expect: pass\n# iterations: -3\n", 2, "positive integer"),
            ("# expect: pass\n# iterations: many\n", 2, "positive integer"),
            ("# expect: pass\n# expect: pass\n", 2, "duplicate '# expect:'"),
            ("# expect: pass\n# mode: gil\n\n# mode: gil\n", 4, "duplicate '# mode:'"),
        ];
        for (source, line, fragment) in cases {
            let e = error(source);
            assert_eq!(e.line, line, "{source:?}: {e}");
            assert!(e.to_string().contains(fragment), "{source:?}: {e}");
            assert!(e.to_string().starts_with(&format!("s.py:{line}: ")), "{e}");
        }
    }

    #[test]
    fn expectations_round_trip() {
        for text in ["pass", "violation atomicity", "violation use-after-free, leak"] {
            assert_eq!(text.parse::<Expectation>().unwrap().to_string(), text);
        }
        // Commas, spaces or both.
        let e: Expectation = "violation deadlock step-limit,vm-panic".parse().unwrap();
        assert_eq!(e.to_string(), "violation deadlock, step-limit, vm-panic");
        for kind in ViolationKind::ALL {
            let e: Expectation = format!("violation {kind}").parse().unwrap();
            assert_eq!(e, Expectation::Violation(vec![kind]));
        }
    }

    /// A fresh directory under the system's temporary directory, removed on drop.
    struct TempDir(PathBuf);

    impl TempDir {
        fn new(tag: &str) -> TempDir {
            let dir = std::env::temp_dir().join(format!("emlab-scenario-{tag}-{}", std::process::id()));
            let _ = std::fs::remove_dir_all(&dir);
            std::fs::create_dir_all(&dir).unwrap();
            TempDir(dir)
        }

        fn write(&self, relative: &str, text: &str) -> PathBuf {
            let path = self.0.join(relative);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(&path, text).unwrap();
            path
        }
    }

    impl Drop for TempDir {
        fn drop(&mut self) {
            let _ = std::fs::remove_dir_all(&self.0);
        }
    }

    #[test]
    fn discover_searches_directories_in_path_order() {
        let dir = TempDir::new("discover");
        dir.write("nogil/b.py", "# expect: pass\n");
        dir.write("eml/z.py", "# expect: pass\n");
        dir.write("eml/a.py", "# expect: pass\n");
        dir.write("eml/notes.md", "not a scenario\n");
        dir.write("top.py", "# expect: pass\n");
        let found = discover(std::slice::from_ref(&dir.0)).unwrap();
        let names: Vec<&str> = found.iter().map(|(_, name)| name.as_str()).collect();
        assert_eq!(names, ["eml/a.py", "eml/z.py", "nogil/b.py", "top.py"]);
        assert!(found.iter().all(|(path, name)| path.ends_with(name)));

        // A file is taken as is (whatever its extension), named as given.
        let file = dir.0.join("eml/notes.md");
        assert_eq!(discover(std::slice::from_ref(&file)).unwrap(), vec![(file.clone(), file.display().to_string())]);

        let missing = dir.0.join("missing.py");
        let e = discover(std::slice::from_ref(&missing)).unwrap_err();
        assert_eq!((e.path, e.line), (missing, 1));
        assert!(e.message.contains("no such file"), "{}", e.message);
    }

    #[test]
    fn load_reads_the_file_and_reports_unreadable_ones() {
        let dir = TempDir::new("load");
        let path = dir.write("eml/x.py", "# show: it\n# expect: violation deadlock\nx = 1\n");
        let s = Scenario::load(&path, "eml/x.py").unwrap();
        assert_eq!((s.name.as_str(), s.description.as_deref()), ("eml/x.py", Some("it")));
        assert_eq!(s.path, path);
        let e = Scenario::load(&dir.0.join("nope.py"), "nope.py").unwrap_err();
        assert!(e.message.starts_with("cannot read"), "{e}");
    }

    #[test]
    fn the_bundled_suite_parses() {
        let suite = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("suite");
        let found = discover(&[suite]).unwrap();
        assert!(found.len() >= 30, "{} scenarios", found.len());
        for (path, name) in found {
            let s = Scenario::load(&path, &name).unwrap_or_else(|e| panic!("{e}"));
            assert!(s.description.is_some(), "{name} has no '# show:' line");
            let stem = path.file_stem().unwrap().to_string_lossy().into_owned();
            // CPython puts the script's directory first on sys.path: a scenario named after a
            // module would import itself instead of the module's twin.
            let modules = ["bank", "counter", "fastcounter", "cache", "callback", "blocking", "gc", "threading"];
            assert!(!modules.contains(&stem.as_str()), "{name} shadows the module '{stem}' under CPython");
        }
    }
}
