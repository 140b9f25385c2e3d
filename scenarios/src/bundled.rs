//! The files compiled into the binary (by `build.rs`): the scenario suite, the benchmark programs
//! and the CPython prelude, so an installed `emlab` works from any directory.
//!
//! A path that starts with `suite:` names bundled scenarios: `suite:` is the whole suite,
//! `suite:eml` a folder of it, `suite:eml/transfer.py` one file. `emlab check` with no path checks
//! `suite:`, and the replay commands it prints name bundled scenarios that way, so they work from
//! any directory too. `emlab suite export DIR` writes the suite out for editing.

use std::path::{Path, PathBuf};

mod files {
    include!(concat!(env!("OUT_DIR"), "/bundled_files.rs"));
}

/// How a path names the bundled suite.
pub const SUITE_PREFIX: &str = "suite:";

/// The bundled files of `group` (`suite`, `bench` or `python`): `(relative path, contents)`.
pub fn group(group: &str) -> impl Iterator<Item = (&'static str, &'static str)> + '_ {
    files::FILES.iter().filter(move |(g, _, _)| *g == group).map(|(_, path, text)| (*path, *text))
}

/// The part of `path` after `suite:`, when it names bundled scenarios.
pub fn suite_selector(path: &Path) -> Option<&str> {
    path.to_str()?.strip_prefix(SUITE_PREFIX).map(|s| s.trim_matches('/'))
}

/// The bundled scenarios that `selector` names (`""`, a folder, or a file): `(name, contents)`,
/// in path order. Err lists what exists when nothing matches.
pub fn scenarios(selector: &str) -> Result<Vec<(&'static str, &'static str)>, String> {
    let found: Vec<_> = group("suite")
        .filter(|(path, _)| path.ends_with(".py"))
        .filter(|(path, _)| selector.is_empty() || *path == selector || path.starts_with(&format!("{selector}/")))
        .collect();
    if found.is_empty() {
        let mut folders: Vec<&str> =
            group("suite").filter_map(|(path, _)| path.split_once('/').map(|(folder, _)| folder)).collect();
        folders.dedup();
        return Err(format!(
            "{SUITE_PREFIX}{selector}: no such bundled scenario or folder; folders: {}",
            folders.iter().map(|f| format!("{SUITE_PREFIX}{f}")).collect::<Vec<_>>().join(", ")
        ));
    }
    Ok(found)
}

/// The contents of the bundled scenario file `suite:NAME`.
pub fn scenario_source(path: &Path) -> Option<&'static str> {
    let selector = suite_selector(path)?;
    group("suite").find(|(p, _)| *p == selector).map(|(_, text)| text)
}

/// Writes the whole bundled suite (scenarios and README) under `dir`; returns how many files.
/// Refuses to overwrite a file that exists with other contents unless `force`.
pub fn export_suite(dir: &Path, force: bool) -> Result<usize, String> {
    let mut written = 0;
    for (path, text) in group("suite") {
        let target = dir.join(path);
        if !force {
            if let Ok(existing) = std::fs::read_to_string(&target) {
                if existing != text {
                    return Err(format!(
                        "emlab: {} exists and differs from the bundled file; use --force to overwrite",
                        target.display()
                    ));
                }
            }
        }
        write_file(&target, text)?;
        written += 1;
    }
    Ok(written)
}

fn write_file(target: &Path, text: &str) -> Result<(), String> {
    if let Some(parent) = target.parent() {
        std::fs::create_dir_all(parent).map_err(|e| format!("emlab: cannot create {}: {e}", parent.display()))?;
    }
    std::fs::write(target, text).map_err(|e| format!("emlab: cannot write {}: {e}", target.display()))
}

/// A folder holding the bundled files of `group`, for tools that need real files (CPython needs the
/// prelude on `PYTHONPATH`; `bench` reads its programs from disk): a folder under the system's
/// temporary directory named after the binary's version and the files' contents, written once and
/// reused.
pub fn materialize(group_name: &str) -> Result<PathBuf, String> {
    use std::hash::{Hash, Hasher};
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    for (path, text) in group(group_name) {
        (path, text).hash(&mut hasher);
    }
    let dir = std::env::temp_dir()
        .join(format!("emlab-{}-{:016x}", env!("CARGO_PKG_VERSION"), hasher.finish()))
        .join(group_name);
    for (path, text) in group(group_name) {
        let target = dir.join(path);
        if std::fs::read_to_string(&target).is_ok_and(|existing| existing == text) {
            continue;
        }
        // Write under a private name, then rename: another emlab may be reading the folder.
        let partial = dir.join(format!("{path}.{}.partial", std::process::id()));
        write_file(&partial, text)?;
        std::fs::rename(&partial, &target).map_err(|e| format!("emlab: cannot write {}: {e}", target.display()))?;
    }
    Ok(dir)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_suite_is_bundled_in_path_order() {
        let all = scenarios("").unwrap();
        assert!(all.len() >= 40, "{}", all.len());
        assert!(all.windows(2).all(|w| w[0].0 < w[1].0));
        let eml = scenarios("eml").unwrap();
        assert!(eml.iter().all(|(p, _)| p.starts_with("eml/")) && eml.len() >= 5);
        let one = scenarios("eml/transfer.py").unwrap();
        assert_eq!(one.len(), 1);
        assert!(one[0].1.contains("# expect:"));
        // `eml` must not match `emlx/...`-like neighbours, and a miss lists the folders.
        let err = scenarios("em").unwrap_err();
        assert!(err.contains("suite:eml") && err.contains("suite:locks"), "{err}");
    }

    #[test]
    fn suite_paths_are_recognised() {
        assert_eq!(suite_selector(Path::new("suite:eml/")), Some("eml"));
        assert_eq!(suite_selector(Path::new("suite:")), Some(""));
        assert_eq!(suite_selector(Path::new("scenarios/suite/eml")), None);
        assert!(scenario_source(Path::new("suite:locks/ab_ba.py")).is_some());
        assert!(scenario_source(Path::new("suite:locks")).is_none());
    }

    #[test]
    fn the_prelude_and_benchmarks_are_bundled() {
        assert!(group("python").any(|(p, _)| p == "sitecustomize.py"));
        assert!(group("bench").any(|(p, _)| p == "fib.py"));
        let dir = materialize("python").unwrap();
        assert!(dir.join("sitecustomize.py").is_file());
        assert_eq!(materialize("python").unwrap(), dir, "the same contents reuse the folder");
    }
}
