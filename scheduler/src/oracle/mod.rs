//! The soundness oracle: `dpor` checked against explorers that share none of its assumptions.
//!
//! A `complete` from `dpor` claims that every outcome the program can reach was reached. The
//! oracle tests that claim on a program: it runs `dpor` to the end, then the references —
//! [`exhaustive`](crate::exhaustive) (every interleaving, no reduction) where the program is small
//! enough for it to finish, and `random`, `pct` and `dfs` schedules always — and compares the sets
//! of [`Outcome`]s. An outcome a reference reached that a complete `dpor` did not is a missed
//! behaviour (`dpor` is unsound); a `dpor` schedule that does not replay to its outcome is a report
//! the user cannot reproduce. Each is an emlab bug.
//!
//! The generated programs of [`programs`] feed it in the property tests, the `soundness` fuzz
//! target and the mutation tests of [`crate::dpor`]'s rules; `--audit N` runs its sampling half
//! after a user's own complete exploration.

pub mod programs;

use crate::explorer::{Budget, Exploration, Explorer, Outcome, Stop};
use crate::schedule::Schedule;
use crate::target::Target;
use emlab_vm::ViolationKind;

/// How hard the references try.
#[derive(Debug, Clone)]
pub struct OracleBudget {
    /// Executions `dpor` may take to finish (a program it cannot finish is not compared).
    pub dpor: usize,
    /// Executions the unreduced search may take; past that it is only a sample.
    pub exhaustive: usize,
    /// Schedules of each randomized reference.
    pub random: usize,
    pub pct: usize,
    /// Schedules of the preemption-bounded search (bound 2).
    pub dfs: usize,
    pub seed: u64,
}

impl Default for OracleBudget {
    fn default() -> Self {
        OracleBudget { dpor: 5_000, exhaustive: 20_000, random: 300, pct: 300, dfs: 300, seed: 1 }
    }
}

/// What the oracle found on one program.
#[derive(Debug, Clone)]
pub struct Comparison {
    pub dpor: Exploration,
    /// The union of what the references reached.
    pub reference: Exploration,
    /// Whether the unreduced search finished (so `reference` holds every outcome there is).
    pub reference_complete: bool,
    /// Outcomes a reference reached that a complete `dpor` did not, with the reference's schedule.
    pub missed: Vec<(Outcome, Schedule)>,
    /// `dpor` schedules that do not replay to the outcome `dpor` recorded for them.
    pub unreplayable: Vec<(Outcome, Schedule, String)>,
}

impl Comparison {
    /// Whether `dpor` finished and agrees with its references.
    pub fn agrees(&self) -> bool {
        self.missed.is_empty() && self.unreplayable.is_empty()
    }

    /// A readable account of the disagreements, with replay commands for `file`.
    pub fn describe(&self, file: &str, mode: emlab_vm::Mode) -> String {
        let mut out = String::new();
        let replay = |s: &Schedule| format!("emlab replay {file} --schedule {s} --mode {mode}");
        for (outcome, schedule) in &self.missed {
            out += &format!("dpor missed {outcome}\n  reached by: {}\n", replay(schedule));
        }
        for (outcome, schedule, why) in &self.unreplayable {
            out += &format!("dpor's schedule for {outcome} does not replay: {why}\n  {}\n", replay(schedule));
        }
        out
    }
}

fn explore(explorer: &dyn Explorer, target: &Target, iterations: usize, seed: u64) -> Exploration {
    let budget = Budget { iterations, seed, jobs: 1, preemption_bound: None };
    explorer.explore(target, &budget, &Stop::Never, &|_| {})
}

/// Outcomes that only unfair schedules reach (a spin-wait spun into the step limit while the
/// thread it waits for could run) are left out of a spinning program's comparison.
fn fair(outcome: &Outcome, spins: bool) -> bool {
    !(spins && outcome.kinds.contains(&ViolationKind::StepLimit))
}

/// Runs `dpor` with `dpor` as the explorer under test (the real one, or a mutant) and compares it
/// with the references. `None` when `dpor` did not finish within its budget (nothing to check).
pub fn compare_with(dpor: &dyn Explorer, target: &Target, spins: bool, budget: &OracleBudget) -> Option<Comparison> {
    use crate::explorer::SchedulerKind as K;
    let reduced = explore(dpor, target, budget.dpor, 0);
    if !reduced.coverage.is_complete() {
        return None;
    }
    let mut reference = Exploration::default();
    let mut reference_complete = false;
    if !spins {
        let full = explore(crate::explorer_for(K::Exhaustive).as_ref(), target, budget.exhaustive, 0);
        reference_complete = full.coverage.is_complete();
        reference.merge(full);
    }
    if !reference_complete {
        for (kind, n) in [(K::Random, budget.random), (K::Pct, budget.pct), (K::Dfs, budget.dfs)] {
            reference.merge(explore(crate::explorer_for(kind).as_ref(), target, n, budget.seed));
        }
    }
    let missed = reference
        .outcomes
        .iter()
        .filter(|(o, _)| fair(o, spins) && !reduced.outcomes.contains_key(o))
        .map(|(o, s)| (o.clone(), s.clone()))
        .collect();
    // No check that each of dpor's outcomes is one the unreduced search reached: dpor may switch
    // threads at scheduling points inside a VM step (a spawn, an allocation) that the unreduced
    // search does not split. Each of them is replayed instead, which shows it is real.
    let mut unreplayable = Vec::new();
    for (outcome, schedule) in &reduced.outcomes {
        match crate::replay::replay(target, schedule) {
            Ok(report) if Outcome::of(&report) == *outcome => {}
            Ok(report) => {
                unreplayable.push((outcome.clone(), schedule.clone(), format!("it reaches {}", Outcome::of(&report))))
            }
            Err(e) => unreplayable.push((outcome.clone(), schedule.clone(), e.to_string())),
        }
    }
    Some(Comparison { dpor: reduced, reference, reference_complete, missed, unreplayable })
}

/// [`compare_with`] for the real `dpor`.
pub fn compare(target: &Target, spins: bool, budget: &OracleBudget) -> Option<Comparison> {
    compare_with(crate::explorer_for(crate::explorer::SchedulerKind::Dpor).as_ref(), target, spins, budget)
}
