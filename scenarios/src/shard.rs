//! `--shard I/N`: a deterministic, disjoint share of a check, for CI matrices and Kubernetes
//! Indexed Jobs.
//!
//! The work of an unsharded run is a list of pairs (scenario, mode, scheduler), in the order the
//! run prints them. Sharding splits it into units:
//!
//! * a pair with an exhaustive scheduler (`dfs`, `loom`, and any other that is not randomized) is
//!   one unit; these go round-robin over the shards, the k-th to shard `k mod N + 1`;
//! * a pair with a randomized scheduler (`random`, `pct`, `os`) is split into N parts, part `I` on
//!   shard `I`: part `I` explores `iterations / N` schedules (the first `iterations mod N` parts one
//!   more) from seeds `seed + (I-1)·J ... seed + I·J - 1` (J = `--jobs`), so the N parts together
//!   explore the seeds of one run with `--jobs N·J` (with J = 1, exactly its schedules).
//!
//! So shards never overlap, and together they run every pair, one scenario's seeds included.
//! `emlab merge` puts the parts back together (see [`crate::merge`]).

use emlab_scheduler::{Budget, SchedulerKind};
use std::fmt;
use std::str::FromStr;

/// `--shard I/N`: shard I (counting from 1) of N.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Shard {
    pub index: usize,
    pub count: usize,
}

/// Part I of N of a split exploration (the shard that ran it is shard I).
pub type Part = Shard;

impl FromStr for Shard {
    type Err = String;

    fn from_str(s: &str) -> Result<Shard, String> {
        let parsed = s
            .split_once('/')
            .and_then(|(i, n)| Some((i.trim().parse::<usize>().ok()?, n.trim().parse::<usize>().ok()?)));
        match parsed {
            Some((index, count)) if (1..=count).contains(&index) => Ok(Shard { index, count }),
            _ => Err(format!(
                "expected I/N with 1 <= I <= N (e.g. 2/4), found '{s}'; shards count from 1, so a Kubernetes \
                 Indexed Job (JOB_COMPLETION_INDEX counts from 0) passes $((JOB_COMPLETION_INDEX + 1))/N"
            )),
        }
    }
}

impl fmt::Display for Shard {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.index, self.count)
    }
}

/// Whether a scheduler's exploration is split by seeds across shards.
pub fn is_randomized(kind: SchedulerKind) -> bool {
    matches!(kind, SchedulerKind::Random | SchedulerKind::Pct | SchedulerKind::Os)
}

/// One piece of work: pair number `pair` of the unsharded order, whole or one part of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Unit {
    pub pair: usize,
    pub part: Option<Part>,
}

/// The units this run does, for the pairs' schedulers in unsharded order.
pub fn plan(kinds: &[SchedulerKind], shard: Option<Shard>) -> Vec<Unit> {
    let Some(shard) = shard else {
        return (0..kinds.len()).map(|pair| Unit { pair, part: None }).collect();
    };
    let mut exhaustive = 0;
    let mut units = Vec::new();
    for (pair, &kind) in kinds.iter().enumerate() {
        if is_randomized(kind) {
            units.push(Unit { pair, part: Some(shard) });
        } else {
            if exhaustive % shard.count == shard.index - 1 {
                units.push(Unit { pair, part: None });
            }
            exhaustive += 1;
        }
    }
    units
}

/// The budget of one part of a split exploration; None when the part gets no schedules (fewer
/// iterations than shards).
pub fn part_budget(budget: &Budget, part: Part) -> Option<Budget> {
    let (n, i) = (part.count, part.index - 1);
    let iterations = budget.iterations / n + usize::from(i < budget.iterations % n);
    let seed = budget.seed.wrapping_add((i * budget.jobs.max(1)) as u64);
    (iterations > 0).then_some(Budget { iterations, seed, ..budget.clone() })
}

#[cfg(test)]
mod tests {
    use super::*;
    use SchedulerKind::*;

    #[test]
    fn shards_parse_from_one() {
        assert_eq!("2/3".parse::<Shard>(), Ok(Shard { index: 2, count: 3 }));
        assert_eq!("1/1".parse::<Shard>().unwrap().to_string(), "1/1");
        for bad in ["0/3", "4/3", "3", "a/b", "1/0", ""] {
            let e = bad.parse::<Shard>().unwrap_err();
            assert!(e.contains("JOB_COMPLETION_INDEX + 1"), "{bad}: {e}");
        }
    }

    #[test]
    fn shards_are_disjoint_and_cover_every_pair() {
        let kinds = [Random, Pct, Dfs, Loom, Random, Dfs, Dfs, Loom, Os, Dfs];
        for n in 1..=5 {
            let mut whole = vec![0; kinds.len()];
            let mut parts = vec![Vec::new(); kinds.len()];
            for i in 1..=n {
                for unit in plan(&kinds, Some(Shard { index: i, count: n })) {
                    match unit.part {
                        None => whole[unit.pair] += 1,
                        Some(part) => {
                            assert_eq!(part.index, i);
                            parts[unit.pair].push(part.index);
                        }
                    }
                }
            }
            for (pair, &kind) in kinds.iter().enumerate() {
                if is_randomized(kind) {
                    assert_eq!(parts[pair], (1..=n).collect::<Vec<_>>(), "n={n} pair {pair}");
                    assert_eq!(whole[pair], 0);
                } else {
                    assert_eq!((whole[pair], parts[pair].len()), (1, 0), "n={n} pair {pair}");
                }
            }
        }
        assert_eq!(plan(&kinds, None).len(), kinds.len());
    }

    #[test]
    fn parts_split_iterations_and_seeds_like_jobs() {
        let budget = Budget { iterations: 10, seed: 7, jobs: 2, preemption_bound: None };
        let parts: Vec<Budget> =
            (1..=3).map(|index| part_budget(&budget, Shard { index, count: 3 }).unwrap()).collect();
        assert_eq!(parts.iter().map(|b| b.iterations).collect::<Vec<_>>(), [4, 3, 3]);
        assert_eq!(parts.iter().map(|b| b.seed).collect::<Vec<_>>(), [7, 9, 11]);
        let tiny = Budget { iterations: 1, seed: 0, jobs: 1, preemption_bound: None };
        assert!(part_budget(&tiny, Shard { index: 2, count: 2 }).is_none());
        let whole = part_budget(&budget, Shard { index: 1, count: 1 }).unwrap();
        assert_eq!((whole.iterations, whole.seed), (10, 7));
    }
}
