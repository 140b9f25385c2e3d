//! `dfs`: exhaustive depth-first search over schedules with at most `max_preemptions`
//! preemptions, by iterative context bounding (as in CHESS): first every schedule without
//! a preemption, then every one with at most one, then two. Bounded by the iteration budget.
//!
//! Shuttle's own `DfsScheduler` enumerates every interleaving of every scheduling point;
//! a VM run has dozens of them even in a trivial program, so it spends any realistic budget
//! permuting the tail of one schedule and misses a two-thread lost update. Most concurrency
//! bugs need only one or two preemptions, so searching all schedules up to that bound finds
//! them in tens of executions and ends: exhaustive within the bound. This scheduler plugs
//! into shuttle's `Runner` through its public `Scheduler` trait.

use crate::explorer::{Budget, Coverage, Exploration, Explorer, SchedulerKind, Stop};
use crate::shuttle_run::explore_with_shuttle;
use crate::target::Target;
use shuttle::scheduler::{Schedule, Scheduler, Task, TaskId};

/// Every schedule with at most `max_preemptions` preemptions, depth first.
pub struct DfsExplorer {
    pub max_preemptions: usize,
}

impl Default for DfsExplorer {
    fn default() -> Self {
        DfsExplorer { max_preemptions: 2 }
    }
}

impl Explorer for DfsExplorer {
    fn kind(&self) -> SchedulerKind {
        SchedulerKind::Dfs
    }

    fn default_iterations(&self) -> usize {
        2000
    }

    /// Sequential: a depth-first search does not split across jobs.
    fn explore(&self, target: &Target, budget: &Budget, stop: &Stop, progress: &(dyn Fn(usize) + Sync)) -> Exploration {
        let sequential = Budget { jobs: 1, ..budget.clone() };
        let bound = budget.preemption_bound.unwrap_or(self.max_preemptions);
        let mut exploration = explore_with_shuttle(target, &sequential, stop, progress, |_, iterations| {
            BoundedDfsScheduler::new(bound, iterations)
        });
        if exploration.first.is_none() {
            exploration.coverage = if exploration.schedules < budget.iterations {
                Coverage::PreemptionBound(bound)
            } else {
                Coverage::Executions(budget.iterations)
            };
        }
        exploration
    }
}

/// One scheduling decision of the current execution.
#[derive(Debug, Clone)]
struct Point {
    /// The threads that could run, in the order tried: the current one first, then by number; at a
    /// yield, the others round robin from the current one, then the current one.
    order: Vec<usize>,
    /// Index into `order` of the thread chosen.
    chosen: usize,
    /// Preemptions spent before this decision.
    spent: usize,
}

impl Point {
    /// Whether running `order[i]` here is a preemption (the current thread could have gone on).
    fn preempts(&self, i: usize, current_runnable: bool) -> bool {
        current_runnable && i != 0
    }
}

/// A depth-first search over schedules with a preemption bound.
pub struct BoundedDfsScheduler {
    max_preemptions: usize,
    /// The bound of the current round (0, then 1, ... up to `max_preemptions`).
    bound: usize,
    max_iterations: usize,
    iterations: usize,
    /// Decisions the next execution replays before it goes its own way.
    prefix: Vec<usize>,
    /// Decisions of the execution running now, and whether its current thread was runnable.
    trail: Vec<(Point, bool)>,
    done: bool,
}

impl BoundedDfsScheduler {
    pub fn new(max_preemptions: usize, max_iterations: usize) -> Self {
        BoundedDfsScheduler {
            max_preemptions,
            bound: 0,
            max_iterations,
            iterations: 0,
            prefix: Vec::new(),
            trail: Vec::new(),
            done: false,
        }
    }

    /// Moves to the deepest decision that still has an untried choice within the bound.
    fn backtrack(&mut self) -> bool {
        while let Some((point, current_runnable)) = self.trail.pop() {
            for alternative in point.chosen + 1..point.order.len() {
                let cost = usize::from(point.preempts(alternative, current_runnable));
                if point.spent + cost <= self.bound {
                    self.prefix = self.trail.iter().map(|(p, _)| p.chosen).collect();
                    self.prefix.push(alternative);
                    return true;
                }
            }
        }
        false
    }
}

impl Scheduler for BoundedDfsScheduler {
    fn new_execution(&mut self) -> Option<Schedule> {
        if self.done || self.iterations >= self.max_iterations {
            return None;
        }
        if self.iterations > 0 && !self.backtrack() {
            if self.bound >= self.max_preemptions {
                self.done = true;
                return None;
            }
            // Next round: one more preemption allowed, from the top. Schedules of earlier rounds
            // run again (a round can't tell them apart before running them); bugs that need few
            // preemptions are found early, which is the point.
            self.bound += 1;
            self.prefix.clear();
            self.trail.clear();
        }
        self.iterations += 1;
        self.trail.clear();
        Some(Schedule::new(0))
    }

    fn next_task(&mut self, runnable: &[&Task], current: Option<TaskId>, is_yielding: bool) -> Option<TaskId> {
        let mut ids: Vec<usize> = runnable.iter().map(|t| usize::from(t.id())).collect();
        ids.sort_unstable();
        let current = current.map(usize::from).filter(|c| ids.contains(c));
        let order = match current {
            // The current thread goes on by default (switching away is a preemption).
            Some(me) if !is_yielding => std::iter::once(me).chain(ids.into_iter().filter(|&id| id != me)).collect(),
            // A thread that yields (a spin loop's back-edge) hands over by default, round robin:
            // the next thread after it by number, wrapping around, and itself last. Spinning on
            // while another thread could run costs a preemption, so the no-preemption schedule of
            // a spin-wait lets the thread it waits for run, and no runnable thread starves.
            Some(me) => {
                let (before, after): (Vec<usize>, Vec<usize>) =
                    ids.into_iter().filter(|&id| id != me).partition(|&id| id < me);
                after.into_iter().chain(before).chain(std::iter::once(me)).collect()
            }
            None => ids,
        };
        // Whether picking anything but `order[0]` here costs a preemption.
        let preferred = current.filter(|_| order.len() > 1);
        let spent = self.trail.last().map_or(0, |(p, runnable)| p.spent + usize::from(p.preempts(p.chosen, *runnable)));
        let step = self.trail.len();
        // Replay the prefix; past it (or if it no longer fits), keep the current thread going.
        let chosen = self.prefix.get(step).copied().filter(|&i| i < order.len()).unwrap_or(0);
        let task = order.get(chosen).copied()?;
        self.trail.push((Point { order, chosen, spent }, preferred.is_some()));
        Some(TaskId::from(task))
    }

    fn next_u64(&mut self) -> u64 {
        0
    }
}

#[cfg(test)]
mod tests {
    use super::BoundedDfsScheduler;
    use shuttle::sync::atomic::{AtomicUsize, Ordering::SeqCst};
    use shuttle::sync::Arc;

    /// Executions of two threads that each make `steps` scheduling points, under `bound`.
    fn count(bound: usize, steps: usize) -> usize {
        let runner = shuttle::Runner::new(BoundedDfsScheduler::new(bound, 100_000), shuttle::Config::new());
        runner.run(move || {
            let x = Arc::new(AtomicUsize::new(0));
            let y = x.clone();
            let t = shuttle::thread::spawn(move || {
                for _ in 0..steps {
                    y.fetch_add(1, SeqCst);
                }
            });
            for _ in 0..steps {
                x.fetch_add(1, SeqCst);
            }
            t.join().unwrap();
        })
    }

    /// Executions of a spin-wait: `spinners` threads each spin (yielding) until the one before it
    /// set its flag; the main thread sets the first flag last, after spawning them all.
    fn spin_wait(bound: usize, spinners: usize) -> usize {
        let mut config = shuttle::Config::new();
        config.max_steps = shuttle::MaxSteps::FailAfter(10_000);
        let runner = shuttle::Runner::new(BoundedDfsScheduler::new(bound, 100_000), config);
        runner.run(move || {
            let flags: Arc<Vec<AtomicUsize>> = Arc::new((0..=spinners).map(|_| AtomicUsize::new(0)).collect());
            let handles: Vec<_> = (0..spinners)
                .map(|i| {
                    let flags = flags.clone();
                    shuttle::thread::spawn(move || {
                        while flags[i].load(SeqCst) == 0 {
                            shuttle::thread::yield_now();
                        }
                        flags[i + 1].store(1, SeqCst);
                    })
                })
                .collect();
            flags[0].store(1, SeqCst);
            while flags[spinners].load(SeqCst) == 0 {
                shuttle::thread::yield_now();
            }
            handles.into_iter().for_each(|h| h.join().unwrap());
        })
    }

    #[test]
    fn a_spin_wait_hands_over_and_no_runnable_thread_starves() {
        // Each execution ends (shuttle would panic at 10,000 steps): a yield hands over round
        // robin, and spinning on costs a preemption like any other, so the bound keeps it finite.
        assert_eq!(spin_wait(0, 1), 1);
        // Which thread runs when one ends is a free choice, so even bound 0 has a few schedules.
        let n = spin_wait(0, 3);
        assert!((1..100).contains(&n), "{n} executions under bound 0");
        for bound in 1..=2 {
            let n = spin_wait(bound, 2);
            assert!(n > 1 && n < 1_000, "{n} executions under bound {bound}");
        }
    }

    #[test]
    fn counts_are_exact_and_grow_with_the_bound() {
        // Without preemptions a thread runs until it blocks or ends: one schedule.
        assert_eq!(count(0, 2), 1);
        // Two threads with one step each: round 0 (one schedule), then round 1 (that schedule
        // again, and the other order).
        assert_eq!(count(1, 1), 1 + 2);
        // Two steps each: round 1 adds the two places a single preemption can go (before
        // main's first or its second step) to the non-preemptive schedule.
        assert_eq!(count(1, 2), 1 + 3);
        assert_eq!(count(2, 2), 1 + 3 + 7);
        // Exhaustive within the bound, yet far below all interleavings of longer threads.
        assert!(count(1, 6) < count(2, 6));
    }
}
