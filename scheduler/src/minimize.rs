//! Shrinking a failing schedule: fewest preemptions first, then fewest steps, keeping the
//! same violation kind.
//!
//! Two moves, tried until neither helps (or the run budget is spent):
//! * cut the schedule after its first `k` decisions and let the no-preemption policy finish
//!   the run, for the smallest `k` that still fails the same way;
//! * replace one preemption by letting the running thread go on.

use crate::guided::run_guided;
use crate::schedule::Schedule;
use crate::target::{RunReport, Target};
use emlab_vm::ViolationKind;

/// Replays to spend at most, per minimization.
const MAX_RUNS: usize = 200;

/// A minimized failure and how much it shrank.
#[derive(Debug, Clone)]
pub struct Minimized {
    pub report: RunReport,
    /// (preemptions, steps) before and after.
    pub before: (usize, usize),
    pub after: (usize, usize),
    /// Replays spent.
    pub runs: usize,
}

fn cost(report: &RunReport) -> (usize, usize) {
    (report.preemptions, report.schedule.steps())
}

/// Shrinks `report`'s schedule while it still shows a violation of `kind`. Only shuttle
/// schedules shrink; others come back unchanged.
pub fn minimize(target: &Target, report: &RunReport, kind: ViolationKind) -> Minimized {
    let mut before = cost(report);
    let mut best = report.clone();
    let mut runs = 0;
    if let Schedule::Loom(_) = report.schedule {
        // A loom schedule cannot shrink: replay its order of events under shuttle first, and
        // shrink that run if it shows the violation too.
        runs += 1;
        let followed = crate::guided::run_following(target, &report.events);
        tracing::debug!(found = followed.kinds().any(|k| k == kind), "loom's run followed under shuttle");
        if followed.kinds().any(|k| k == kind) {
            before = cost(&followed);
            best = followed;
        }
    }
    let Schedule::Shuttle(_) = best.schedule else {
        return Minimized { report: best, before, after: before, runs: 0 };
    };
    let attempt = |decisions: Vec<usize>, best: &RunReport, runs: &mut usize| -> Option<RunReport> {
        if *runs >= MAX_RUNS {
            return None;
        }
        *runs += 1;
        let candidate = run_guided(target, decisions);
        let better = candidate.kinds().any(|k| k == kind) && cost(&candidate) < cost(best);
        if better {
            let (preemptions, steps) = cost(&candidate);
            tracing::debug!(replay = *runs, preemptions, steps, "a smaller failing schedule");
        }
        better.then_some(candidate)
    };
    while let Schedule::Shuttle(choices) = best.schedule.clone() {
        let mut improved = false;
        // Shortest prefix that still fails: binary search, then accept if it is cheaper.
        let (mut lo, mut hi) = (0, choices.len());
        while lo < hi && runs < MAX_RUNS {
            let mid = (lo + hi) / 2;
            match attempt(choices[..mid].to_vec(), &best, &mut runs) {
                Some(candidate) => {
                    best = candidate;
                    improved = true;
                    hi = mid;
                }
                None => lo = mid + 1,
            }
        }
        // Drop single preemptions: let the thread that was running go on, either for one more
        // step or for the whole block the other thread would have run.
        let Schedule::Shuttle(choices) = best.schedule.clone() else { break };
        'switches: for i in 1..choices.len() {
            if choices[i] == choices[i - 1] {
                continue;
            }
            let block_end = (i..choices.len()).find(|&j| choices[j] != choices[i]).unwrap_or(choices.len());
            let mut one_step = choices.clone();
            one_step[i] = one_step[i - 1];
            let without_block: Vec<usize> = choices[..i].iter().chain(&choices[block_end..]).copied().collect();
            for decisions in [one_step, without_block] {
                if let Some(candidate) = attempt(decisions, &best, &mut runs) {
                    best = candidate;
                    improved = true;
                    break 'switches;
                }
            }
        }
        if !improved || runs >= MAX_RUNS {
            break;
        }
    }
    let after = cost(&best);
    tracing::debug!(?before, ?after, runs, "minimized");
    Minimized { report: best, before, after, runs }
}
