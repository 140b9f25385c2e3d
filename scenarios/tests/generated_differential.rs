//! Differential test of the generator's single-threaded programs: for 200 fixed seeds, emlab
//! prints exactly what CPython prints (with the prelude in `scenarios/python/` on
//! `PYTHONPATH`), and neither raises. Skipped, saying so, when `python3` is not on PATH
//! (`EMLAB_PYTHON` names another interpreter).

use emlab::generate::{scenario_from_seed, Options};
use emlab_vm::platform::Native;
use emlab_vm::{compile_source, Vm, VmConfig};
use std::path::{Path, PathBuf};
use std::process::Command;

const SEEDS: u64 = 200;

fn python() -> String {
    std::env::var("EMLAB_PYTHON").unwrap_or_else(|_| "python3".to_string())
}

fn emlab_output(source: &str) -> Result<String, String> {
    let program = compile_source(source, "gen.py").map_err(|e| format!("{e:?}"))?;
    let config = VmConfig { capture_output: true, print_errors: false, ..VmConfig::default() };
    let outcome = Vm::<Native>::new(program, config).map_err(|e| e.to_string())?.run();
    match outcome.uncaught.first() {
        Some(e) => Err(format!("{}: {}", e.exception.kind.name(), e.exception.message)),
        None => Ok(outcome.output),
    }
}

fn python_output(file: &Path, prelude: &Path) -> Result<String, String> {
    let out = Command::new(python())
        .arg(file)
        .env("PYTHONPATH", prelude)
        .env("PYTHONDONTWRITEBYTECODE", "1")
        .env("PYTHONIOENCODING", "utf-8")
        .output()
        .map_err(|e| e.to_string())?;
    if !out.status.success() {
        return Err(String::from_utf8_lossy(&out.stderr).into_owned());
    }
    Ok(String::from_utf8_lossy(&out.stdout).into_owned())
}

#[test]
fn single_threaded_generated_programs_print_what_cpython_prints() {
    if Command::new(python()).arg("--version").output().is_err() {
        println!("skipping the generated-program differential test: {} is not on PATH", python());
        return;
    }
    let prelude = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("python");
    let dir = std::env::temp_dir().join(format!("emlab-gen-diff-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let options = Options { threads: 0, ..Options::default() };
    let mut failures = Vec::new();
    for seed in 0..SEEDS {
        let source = scenario_from_seed(seed, 0, &options);
        let file = dir.join(format!("gen_{seed}.py"));
        std::fs::write(&file, &source).unwrap();
        let ours = emlab_output(&source);
        let theirs = python_output(&file, &prelude);
        match (&ours, &theirs) {
            (Ok(a), Ok(b)) if a == b && !a.is_empty() => {}
            _ => failures.push(format!("seed {seed}: emlab {ours:?}\n  python {theirs:?}\n{source}")),
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
    assert!(failures.is_empty(), "{} of {SEEDS} differ:\n{}", failures.len(), failures.join("\n"));
}
