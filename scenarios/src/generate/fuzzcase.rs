//! One input of the `program` fuzz target, decoded: a generated scenario and the schedules to
//! explore it under. `emlab generate --from-fuzz` decodes a crash artifact the same way.
//!
//! Layout: byte 0 picks the mode (even: eml, odd: gil), bytes 1..9 are the schedulers' seed
//! (little endian, zero-padded), the rest drives the generator. Each input is explored with
//! [`ITERATIONS`] schedules of `random` and of `pct`.

use super::{program, scenario_text, Options, Program};
use emlab_scheduler::{explorer_for, Budget, SchedulerKind, Stop, Target};
use emlab_vm::{Bugs, Mode, ViolationKind};

/// Schedules per scheduler for one fuzz input.
pub const ITERATIONS: usize = 4;

/// One exploration of the case.
#[derive(Debug, Clone)]
pub struct FuzzRun {
    pub scheduler: SchedulerKind,
    pub seed: u64,
    pub iterations: usize,
    pub mode: Mode,
}

/// A decoded fuzz input.
#[derive(Debug, Clone)]
pub struct FuzzCase {
    pub program: Program,
    /// The scenario file text (directives included).
    pub scenario: String,
    pub runs: Vec<FuzzRun>,
}

impl FuzzCase {
    pub fn decode(data: &[u8]) -> FuzzCase {
        let mode = if data.first().is_some_and(|b| b % 2 == 1) { Mode::Gil } else { Mode::Eml };
        let mut seed = [0u8; 8];
        let head = data.get(1..).unwrap_or(&[]);
        let n = head.len().min(8);
        seed[..n].copy_from_slice(&head[..n]);
        let seed = u64::from_le_bytes(seed);
        let rest = data.get(9..).unwrap_or(&[]);
        let options = Options { mode: Some(mode), ..Options::default() };
        let program = program(arbitrary::Unstructured::new(rest), &options);
        let scenario = scenario_text(&program, "fuzz input", &options);
        let runs = [SchedulerKind::Random, SchedulerKind::Pct]
            .into_iter()
            .map(|scheduler| FuzzRun { scheduler, seed, iterations: ITERATIONS, mode })
            .collect();
        FuzzCase { program, scenario, runs }
    }

    /// Explores every run with `bugs` switched on. Returns the first finding the oracle rejects:
    /// a vm-panic always; with no seeded bug, any violation (a generated program must pass);
    /// with a seeded bug, any violation too (the bug was revealed, which is what the fuzzer
    /// is measured on).
    pub fn check(&self, bugs: Bugs) -> Result<usize, String> {
        let program = emlab_vm::compile_source(&self.scenario, "fuzz.py")
            .map_err(|e| format!("a generated program does not compile: {e}\n{}", self.scenario))?;
        let mut schedules = 0;
        for run in &self.runs {
            let target = Target::new("fuzz.py", program.clone(), run.mode, bugs);
            let budget = Budget { iterations: run.iterations, seed: run.seed, jobs: 1, preemption_bound: None };
            let exploration = explorer_for(run.scheduler).explore(&target, &budget, &Stop::FirstViolation, &|_| {});
            schedules += exploration.schedules;
            if let Some(report) = exploration.first {
                let panicked = report.kinds().any(|k| k == ViolationKind::VmPanic);
                let what = if panicked { "vm-panic" } else { "violation" };
                let first = report.violations.first().map(|v| v.to_string()).unwrap_or_default();
                return Err(format!(
                    "{what} under {} (seed {}, mode {}): {first}\nschedule: {}\n{}",
                    run.scheduler, run.seed, run.mode, report.schedule, self.scenario
                ));
            }
        }
        Ok(schedules)
    }
}
