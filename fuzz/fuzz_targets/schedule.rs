//! The input is a schedule: byte 0 picks a scenario of the bundled suite, every further byte
//! picks the thread that runs at the next scheduling point (see `emlab_scheduler::fuzzed`).
//! Coverage guidance steers the bytes toward interleavings that reach new VM code.
//!
//! Oracles: never a vm-panic, and no violation in a scenario that expects `pass`. With
//! `EMLAB_FUZZ_SCENARIO=inject/eml_early_demote.py` (a path under `scenarios/suite/`) only
//! that scenario runs and a violation it expects is a crash too: the executions to the crash
//! measure how fast byte-level schedule fuzzing finds it (compare `emlab check FILE
//! --scheduler pct`). The crash message carries the `emlab replay` command.
#![no_main]

use emlab::scenario::{discover, Expectation, Scenario};
use emlab_scheduler::{fuzzed, Target};
use emlab_vm::ViolationKind;
use libfuzzer_sys::fuzz_target;
use std::path::PathBuf;
use std::sync::OnceLock;

struct Loaded {
    scenario: Scenario,
    target: Target,
}

fn suite() -> &'static [Loaded] {
    static SUITE: OnceLock<Vec<Loaded>> = OnceLock::new();
    SUITE.get_or_init(|| {
        let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../scenarios/suite");
        let only = std::env::var("EMLAB_FUZZ_SCENARIO").ok().filter(|s| !s.is_empty());
        let mut loaded = Vec::new();
        for (path, name) in discover(&[root]).expect("the bundled suite is readable") {
            if only.as_ref().is_some_and(|o| *o != name) {
                continue;
            }
            let scenario = Scenario::load(&path, &name).expect("bundled scenarios parse");
            let program = emlab_vm::compile_source(&scenario.source, &name).expect("bundled scenarios compile");
            let bugs = scenario.bugs.iter().copied().collect();
            let target = Target::new(&name, program, scenario.mode, bugs);
            loaded.push(Loaded { scenario, target });
        }
        assert!(!loaded.is_empty(), "EMLAB_FUZZ_SCENARIO names no bundled scenario");
        loaded
    })
}

fuzz_target!(|data: &[u8]| {
    let Some((&pick, schedule)) = data.split_first() else { return };
    let suite = suite();
    let Loaded { scenario, target } = &suite[pick as usize % suite.len()];
    let report = fuzzed::run_bytes(target, schedule);
    let kinds: Vec<ViolationKind> = report.kinds().collect();
    let replay =
        format!("emlab replay scenarios/suite/{} --schedule {} --mode {}", scenario.name, report.schedule, target.mode);
    if kinds.contains(&ViolationKind::VmPanic) {
        panic!("vm-panic in {}: {:?}\n{replay}", scenario.name, report.violations);
    }
    match &scenario.expect {
        Expectation::Pass if !kinds.is_empty() => {
            panic!("{} expects pass but shows {:?}\n{replay}", scenario.name, report.violations)
        }
        Expectation::Violation(expected) if suite.len() == 1 && kinds.iter().any(|k| expected.contains(k)) => {
            panic!("found the expected violation of {}: {:?}\n{replay}", scenario.name, report.violations)
        }
        _ => {}
    }
});
