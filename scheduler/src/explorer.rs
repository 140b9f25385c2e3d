//! The one small trait every exploration driver implements, and what exploring returns.

use crate::target::{RunReport, Target};
use emlab_vm::ViolationKind;
use std::fmt;
use std::str::FromStr;

/// How much to explore.
#[derive(Debug, Clone)]
pub struct Budget {
    /// Schedules to try (for `dfs`, an upper bound; for `loom`, a cap on permutations).
    pub iterations: usize,
    /// Seed of the randomized schedulers; the same seed explores the same schedules.
    pub seed: u64,
    /// OS threads exploring at once (random, pct and os split their iterations).
    pub jobs: usize,
    /// For the exhaustive explorers: the most preemptions a schedule may spend (None: no bound).
    pub preemption_bound: Option<usize>,
}

impl Default for Budget {
    fn default() -> Self {
        Budget { iterations: 1000, seed: 0, jobs: 1, preemption_bound: None }
    }
}

/// When to stop exploring.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Stop {
    /// At the first schedule that shows any violation (checking `expect: pass`).
    FirstViolation,
    /// At the first schedule that shows one of these kinds, a vm-panic or a step-limit (checking
    /// `expect: violation ...`).
    OnKinds(Vec<ViolationKind>),
    /// Never: run every schedule the budget allows (the soundness oracle, `--audit`).
    Never,
}

impl Stop {
    /// Whether `report` is one this exploration looks for (and so ends it).
    pub fn matches(&self, report: &RunReport) -> bool {
        match self {
            Stop::FirstViolation => !report.violations.is_empty(),
            // A hang (step-limit) or a bug in the VM ends the search too: it is a finding either way,
            // and a program that hangs in every schedule would otherwise spend the whole budget
            // running each schedule to its step limit.
            Stop::OnKinds(kinds) => report
                .kinds()
                .any(|k| kinds.contains(&k) || k == ViolationKind::VmPanic || k == ViolationKind::StepLimit),
            Stop::Never => false,
        }
    }
}

/// How much of a program's interleavings an exploration covered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Coverage {
    /// Every class of equivalent interleavings was run, with no bound: a `pass` is a proof for
    /// this program and mode.
    Complete,
    /// Exhaustive up to this many preemptions per schedule, and no further.
    PreemptionBound(usize),
    /// Exhaustive but for schedules where a thread goes on past more than this many of its loop's
    /// back-edges in a row while another thread waits (`dpor`).
    LoopRunOn(usize),
    /// The exhaustive search ran out of its execution budget before it finished.
    Executions(usize),
    /// Randomly chosen schedules: a sample, never complete.
    #[default]
    Sampled,
    /// Exploration stopped at the schedule it was looking for.
    Stopped,
}

impl Coverage {
    pub fn is_complete(self) -> bool {
        self == Coverage::Complete
    }
}

impl fmt::Display for Coverage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Coverage::Complete => f.write_str("complete"),
            Coverage::PreemptionBound(1) => f.write_str("bounded: 1 preemption"),
            Coverage::PreemptionBound(k) => write!(f, "bounded: {k} preemptions"),
            Coverage::LoopRunOn(k) => {
                write!(f, "bounded: a loop runs on past at most {k} back-edges while others wait")
            }
            Coverage::Executions(n) => write!(f, "bounded: {} executions", thousands(*n)),
            Coverage::Sampled => f.write_str("sampled"),
            Coverage::Stopped => f.write_str("stopped at the first match"),
        }
    }
}

/// `12345` as `12,345`.
pub fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && i % 3 == digits.len() % 3 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// What an exploration found.
#[derive(Debug, Clone, Default)]
pub struct Exploration {
    /// Schedules run.
    pub schedules: usize,
    /// Every kind of violation seen, sorted, without repeats.
    pub found: Vec<ViolationKind>,
    /// The first schedule that matched the stop rule.
    pub first: Option<RunReport>,
    /// Why the scheduler did not apply (e.g. loom and more than 4 threads).
    pub skipped: Option<String>,
    /// Whether every interleaving was covered, or what bounded the search.
    pub coverage: Coverage,
    /// Every distinct outcome seen, with the first schedule that reached it.
    pub outcomes: std::collections::BTreeMap<Outcome, crate::schedule::Schedule>,
    /// `dpor` only: how many of the executions ended *sleep-set blocked* (every runnable thread
    /// asleep: the rest of the run reaches only states explored already, so the run was spent for
    /// nothing). Optimal-DPOR's wakeup trees avoid these; their share says whether it would pay.
    pub sleep_blocked: Option<usize>,
}

/// What one run ended with, as the soundness oracle compares runs: what the program printed and
/// the kinds of violation it showed (sorted, without repeats).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Outcome {
    pub output: String,
    pub kinds: Vec<ViolationKind>,
}

impl Outcome {
    pub fn of(report: &RunReport) -> Outcome {
        let mut kinds: Vec<ViolationKind> = report.kinds().collect();
        kinds.sort();
        kinds.dedup();
        Outcome { output: report.output.clone(), kinds }
    }
}

impl fmt::Display for Outcome {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let kinds: Vec<&str> = self.kinds.iter().map(|k| k.name()).collect();
        write!(f, "output {:?}, violations [{}]", self.output, kinds.join(", "))
    }
}

impl Exploration {
    pub fn skipped(reason: impl Into<String>) -> Exploration {
        Exploration { skipped: Some(reason.into()), ..Exploration::default() }
    }

    /// Adds one schedule's result; returns whether exploration should stop.
    pub fn record(&mut self, report: RunReport, stop: &Stop) -> bool {
        self.schedules += 1;
        self.outcomes.entry(Outcome::of(&report)).or_insert_with(|| report.schedule.clone());
        for kind in report.kinds() {
            if !self.found.contains(&kind) {
                self.found.push(kind);
                self.found.sort();
            }
        }
        if self.first.is_none() && stop.matches(&report) {
            self.first = Some(report);
            self.coverage = Coverage::Stopped;
            return true;
        }
        false
    }

    /// Folds in another job's exploration of the same target (first match in job order wins).
    pub fn merge(&mut self, other: Exploration) {
        self.schedules += other.schedules;
        for (outcome, schedule) in other.outcomes {
            self.outcomes.entry(outcome).or_insert(schedule);
        }
        for kind in other.found {
            if !self.found.contains(&kind) {
                self.found.push(kind);
            }
        }
        self.found.sort();
        if self.first.is_none() {
            self.first = other.first;
        }
        if self.first.is_some() {
            self.coverage = Coverage::Stopped;
        }
    }
}

/// One way of exploring a program's interleavings.
pub trait Explorer: Send + Sync {
    /// The scheduler's name, as `--scheduler` spells it.
    fn kind(&self) -> SchedulerKind;

    /// Schedules (executions) to run when neither the command line nor the scenario says.
    fn default_iterations(&self) -> usize;

    /// Runs schedules of `target` within `budget` until `stop` says so; `progress` is called with
    /// the number of schedules run so far. The result says whether the exploration was complete.
    fn explore(&self, target: &Target, budget: &Budget, stop: &Stop, progress: &(dyn Fn(usize) + Sync)) -> Exploration;
}

/// The schedulers `--scheduler` accepts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum SchedulerKind {
    Random,
    Pct,
    Dfs,
    Dpor,
    Loom,
    Os,
    Exhaustive,
}

impl SchedulerKind {
    pub const ALL: [SchedulerKind; 7] = [
        SchedulerKind::Random,
        SchedulerKind::Pct,
        SchedulerKind::Dfs,
        SchedulerKind::Dpor,
        SchedulerKind::Loom,
        SchedulerKind::Os,
        SchedulerKind::Exhaustive,
    ];
    /// What a scenario runs under when it names no schedulers (`os` and `exhaustive` only when asked for).
    pub const DEFAULT: [SchedulerKind; 5] =
        [SchedulerKind::Random, SchedulerKind::Pct, SchedulerKind::Dfs, SchedulerKind::Dpor, SchedulerKind::Loom];

    pub fn name(self) -> &'static str {
        match self {
            SchedulerKind::Random => "random",
            SchedulerKind::Pct => "pct",
            SchedulerKind::Dfs => "dfs",
            SchedulerKind::Dpor => "dpor",
            SchedulerKind::Loom => "loom",
            SchedulerKind::Os => "os",
            SchedulerKind::Exhaustive => "exhaustive",
        }
    }
}

impl fmt::Display for SchedulerKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for SchedulerKind {
    type Err = emlab_vm::mode::UnknownName;

    fn from_str(s: &str) -> Result<SchedulerKind, Self::Err> {
        SchedulerKind::ALL.into_iter().find(|k| k.name() == s).ok_or_else(|| emlab_vm::mode::UnknownName {
            what: "scheduler",
            given: s.to_string(),
            valid: SchedulerKind::ALL.map(SchedulerKind::name).join(", "),
        })
    }
}
