//! `dpor`: exhaustive search with dynamic partial-order reduction over VM steps.
//!
//! A stateless model checker in the style of Source-DPOR with sleep sets (Abdulla,
//! Aronis, Jonsson and Sagonas, POPL 2014). Each execution runs the real VM under
//! shuttle through its public `Scheduler` trait; the VM reports the footprint of every
//! step (`emlab_vm::step`). After an execution, every pair of *racing* steps (dependent
//! steps of different threads with no other step ordering them) adds a thread that can
//! reverse the race to the backtrack set of the state before the first one. Executions
//! that differ only in the order of independent steps are explored once.
//!
//! ## Steps
//! A step is what a thread does from one shuttle scheduling point to the next, or until it
//! blocks or ends. The exception is a thread inside one of the platform's critical sections
//! (the coordinator's, the wake lock's): it keeps running until it leaves, so critical sections
//! are atomic and no thread ever blocks on those mutexes. Which thread a step wakes orders
//! nothing: happens-before is program order, spawn, join and dependence only.
//!
//! ## The rules
//! Every rule that makes two steps independent, ordered or not a race is argued in one table at
//! the top of [`races`] (safepoint polls read the stop request; a request for exclusive mode is
//! its own step and takes the gate; locks hand over; a collection touches the world; spins and
//! fairness), with the [`Mutant`] that breaks it. `tests/soundness.rs` checks `dpor` against the
//! unreduced and randomized references of [`crate::oracle`] and checks that each mutant is caught.

//! ## Order and completeness
//! Pending branches wait in a priority queue ordered by the preemptions they spend, so
//! schedules with few preemptions (where most bugs are) run first, depth first within
//! a preemption count. Nothing is pruned: a run that empties the queue is complete.
//! Several workers (`--jobs`) share the tree and the queue.
//! With `--preemption-bound K`, branches that would spend more than K preemptions are
//! dropped and the result says `bounded` (bounding DPOR this way is not sound; Coons,
//! Musuvathi and McKinley, OOPSLA 2013). A yielding thread (a spin loop's back-edge)
//! gives way by default, so a spin-wait does not spin the search forever.

mod mutant;
mod polls;
mod races;

pub use mutant::Mutant;

use crate::explorer::{Budget, Coverage, Exploration, Explorer, SchedulerKind, Stop};
use crate::target::Target;
use emlab_vm::step::{Footprint, Recorder};
use parking_lot::Mutex;
use races::HappensBefore;
use shuttle::scheduler::{Schedule, Scheduler, Task, TaskId};
use std::cell::RefCell;
use std::cmp::Reverse;
use std::collections::BinaryHeap;
use std::rc::Rc;
use std::sync::Arc;

/// Exhaustive search with partial-order reduction; `preemption_bound` makes it bounded.
#[derive(Default)]
pub struct DporExplorer {
    pub preemption_bound: Option<usize>,
    /// A deliberately broken rule, for the mutation tests of the soundness oracle (never set by
    /// the command line).
    pub mutant: Option<Mutant>,
}

impl Explorer for DporExplorer {
    fn kind(&self) -> SchedulerKind {
        SchedulerKind::Dpor
    }

    /// Enough to finish every pass-scenario of the bundled suite.
    fn default_iterations(&self) -> usize {
        20_000
    }

    /// With `budget.jobs` above 1, that many workers share one search tree: each takes pending
    /// branches from the one queue and adds the branches its runs' races call for, so their
    /// subtrees are disjoint.
    fn explore(&self, target: &Target, budget: &Budget, stop: &Stop, progress: &(dyn Fn(usize) + Sync)) -> Exploration {
        use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};
        let bound = budget.preemption_bound.or(self.preemption_bound);
        let shared = Arc::new(Mutex::new(Tree::new(budget.iterations, bound)));
        let total = AtomicUsize::new(0);
        let work = |_job: usize| {
            let mut worker = DporScheduler::worker(Recorder::start(), shared.clone());
            worker.mutant = self.mutant.or_else(Mutant::from_env);
            let scheduler = Rc::new(RefCell::new(worker));
            let mut exploration = Exploration::default();
            loop {
                let (reports, exhausted) = crate::shuttle_run::run_batch(target, &scheduler, 64, stop);
                let ran_nothing = reports.is_empty();
                let mut matched = false;
                for report in reports {
                    progress(total.fetch_add(1, Relaxed) + 1);
                    matched |= exploration.record(report, stop);
                }
                if matched {
                    shared.lock().stopped = true;
                }
                if matched || exhausted || ran_nothing {
                    break;
                }
            }
            exploration
        };
        let mut exploration = crate::shuttle_run::in_parallel(budget.jobs.clamp(1, 64), work);
        let tree = shared.lock();
        let finished = tree.executions > 0 && tree.active == 0 && tree.queue.is_empty();
        exploration.sleep_blocked = Some(tree.sleep_blocked);
        exploration.coverage = if exploration.first.is_some() {
            Coverage::Stopped
        } else if finished && !tree.pruned && !tree.loop_bounded {
            Coverage::Complete
        } else if finished && !tree.pruned {
            Coverage::LoopRunOn(LOOP_RUN_ON as usize)
        } else if finished {
            Coverage::PreemptionBound(bound.unwrap_or(0))
        } else {
            Coverage::Executions(budget.iterations)
        };
        exploration
    }
}

/// How many loop back-edges in a row a thread may go on past while another thread could run (see
/// [`Node::run_on`]); a search that needed more is bounded, not complete.
pub const LOOP_RUN_ON: u32 = 16;

/// One step of the current execution.
#[derive(Debug, Clone)]
struct Step {
    thread: usize,
    footprint: Footprint,
    /// Threads that became runnable during the step.
    enables: Vec<usize>,
}

/// A state of the search tree: the point before a step, reached by the choices on its path.
#[derive(Debug, Default)]
struct Node {
    parent: Option<usize>,
    depth: usize,
    /// Threads that could run here.
    enabled: Vec<usize>,
    /// The thread that ran into this point, and whether it could have gone on (runnable and not
    /// yielding): choosing another thread then is a preemption.
    current: Option<usize>,
    current_continues: bool,
    /// The current thread yielded at a loop's back-edge that repeats its state (a spin going
    /// round, having only read since its last back-edge) with other threads runnable: fairness
    /// says one of them runs next, so the spinner is no branch here.
    spin_yield: bool,
    /// The current thread yielded at a loop's back-edge with other threads runnable.
    loop_yield: bool,
    /// How many loop back-edges in a row the current thread went on past, others runnable,
    /// before this node.
    run_on: u32,
    /// Preemptions spent on the path to this node.
    preemptions: usize,
    /// Threads whose branch from here is explored or queued.
    done: Vec<usize>,
    /// The sleep set on arrival: threads whose next step is known to lead only to explored states.
    sleep: Vec<(usize, Footprint)>,
    /// The first step of each branch explored from here.
    explored: Vec<(usize, Footprint)>,
    /// Child node of each explored branch.
    children: Vec<(usize, usize)>,
}

impl Node {
    fn cost(&self, thread: usize) -> usize {
        usize::from(self.current_continues && self.current != Some(thread))
    }

    fn sleeping(&self, thread: usize) -> bool {
        self.sleep.iter().any(|(t, _)| *t == thread)
    }
}

/// A branch waiting to be explored: run `thread` at `node`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct Pending {
    preemptions: usize,
    /// Deeper first within a preemption count (depth-first search).
    depth: Reverse<usize>,
    node: usize,
    thread: usize,
}

/// The search tree, shared by the workers of a parallel search (`--jobs`): each takes pending
/// branches from the one queue, and the races it finds add branches to the one tree.
#[derive(Default)]
pub struct Tree {
    max_executions: usize,
    preemption_bound: Option<usize>,
    /// Executions started, and executions running now.
    executions: usize,
    active: usize,
    nodes: Vec<Node>,
    queue: BinaryHeap<Reverse<Pending>>,
    /// Whether a branch was dropped for the preemption bound.
    pruned: bool,
    /// Whether a branch was dropped for [`LOOP_RUN_ON`].
    loop_bounded: bool,
    /// A worker found what the search looks for: the others stop too.
    stopped: bool,
    /// Executions that ended sleep-set blocked (see [`Exploration::sleep_blocked`]).
    sleep_blocked: usize,
}

impl Tree {
    pub fn new(max_executions: usize, preemption_bound: Option<usize>) -> Tree {
        Tree { max_executions, preemption_bound, ..Tree::default() }
    }
}

/// What a worker does next.
enum Start {
    Run,
    Wait,
    Done,
}

/// The DPOR search as a shuttle scheduler: one execution per `new_execution`.
pub struct DporScheduler {
    recorder: Recorder,
    shared: Arc<Mutex<Tree>>,
    /// The shared tree while this worker holds its lock (see [`DporScheduler::with_tree`]).
    tree: Tree,
    /// The node path the current execution replays, and the thread to take at its end.
    path: Vec<usize>,
    branch: Option<usize>,
    /// The current execution: its nodes (one per step), its steps, the step in progress.
    visited: Vec<usize>,
    steps: Vec<Step>,
    running: Option<(usize, Vec<usize>)>,
    /// What the step in progress touched so far.
    pending: Footprint,
    /// Per thread: the local state at its last loop back-edge, whether it has touched shared
    /// state other than by reading since then, and the depth of that back-edge.
    spins: Vec<(Option<u64>, bool, usize)>,
    /// Per thread: loop back-edges in a row it went on past while others could run.
    run_on: Vec<u32>,
    /// Whether the last decision was at a loop's back-edge with others runnable.
    at_loop_yield: bool,
    /// The depth at which every runnable thread was asleep; the rest of the run is redundant.
    blocked_at: Option<usize>,
    in_execution: bool,
    /// The current execution's span (`EMLAB_LOG=emlab_scheduler::dpor=debug`): its events, the races
    /// found, the branches queued and sleep-set blocks, are inside it.
    span: tracing::Span,
    /// Whether to reduce at all: without, every interleaving of steps is explored (the baseline
    /// the property test compares against).
    pub(crate) reduce: bool,
    /// The races of the execution that just ended, found outside the tree's lock.
    races: Option<Vec<(usize, usize, Vec<usize>)>>,
    /// A deliberately broken rule (mutation tests).
    mutant: Option<Mutant>,
}

impl DporScheduler {
    #[cfg(test)]
    fn new(recorder: Recorder, max_executions: usize, preemption_bound: Option<usize>) -> DporScheduler {
        Self::worker(recorder, Arc::new(Mutex::new(Tree::new(max_executions, preemption_bound))))
    }

    /// A worker of the search over `shared`.
    fn worker(recorder: Recorder, shared: Arc<Mutex<Tree>>) -> DporScheduler {
        DporScheduler {
            recorder,
            shared,
            tree: Tree::default(),
            path: Vec::new(),
            branch: None,
            visited: Vec::new(),
            steps: Vec::new(),
            running: None,
            pending: Footprint::default(),
            spins: Vec::new(),
            run_on: Vec::new(),
            at_loop_yield: false,
            blocked_at: None,
            in_execution: false,
            span: tracing::Span::none(),
            reduce: true,
            races: None,
            mutant: None,
        }
    }

    /// Runs `f` with the shared tree moved into `self.tree` (under its lock).
    fn with_tree<R>(&mut self, f: impl FnOnce(&mut Self) -> R) -> R {
        let shared = self.shared.clone();
        let mut guard = shared.lock();
        std::mem::swap(&mut self.tree, &mut *guard);
        let result = f(self);
        std::mem::swap(&mut self.tree, &mut *guard);
        result
    }

    /// Whether no branch waits to be explored (though some may have been dropped for a bound).
    pub fn queue_empty(&self) -> bool {
        let tree = self.shared.lock();
        tree.active == 0 && tree.queue.is_empty()
    }

    /// Every branch was explored (and none dropped for a bound).
    pub fn is_complete(&self) -> bool {
        let tree = self.shared.lock();
        tree.executions > 0
            && tree.active == 0
            && tree.queue.is_empty()
            && !tree.pruned
            && !tree.loop_bounded
            && !tree.stopped
    }

    /// Whether a branch was dropped for the preemption bound.
    pub fn pruned(&self) -> bool {
        self.shared.lock().pruned
    }

    /// Closes the step in progress: its footprint is everything recorded since it started.
    fn close_step(&mut self, runnable_now: &[usize]) {
        let mut footprint = std::mem::take(&mut self.pending);
        if let Some(mutant) = self.mutant {
            footprint = mutant.footprint(footprint);
        }
        if let Some((thread, runnable_before)) = self.running.take() {
            if self.spins.len() <= thread {
                self.spins.resize(thread + 1, (None, false, 0));
            }
            self.spins[thread].1 |= !footprint.is_read_only();
            let enables =
                runnable_now.iter().copied().filter(|t| *t != thread && !runnable_before.contains(t)).collect();
            self.steps.push(Step { thread, footprint, enables });
        }
    }

    /// Thread `spinner` went round a loop from the back-edge at depth `since` to the one at
    /// `depth` and came back to the same state having only read: the run is cut there (its rest is
    /// redundant), and what it stands for is every run in which the iteration did not happen, so
    /// the other threads that could run where the iteration's first step ran are queued there.
    /// Without them, a run in which some other thread went on while the spinner waited (a thread
    /// that left its own loop's back-edge, say) is only reachable through races in the cut-off
    /// rest, which are never looked at.
    fn give_way_before_iteration(&mut self, spinner: usize, since: usize, depth: usize) {
        if self.mutant == Some(Mutant::SpinCutGivesNoWay) {
            return;
        }
        let end = depth.min(self.steps.len()).min(self.visited.len());
        let Some(first) = (since..end).find(|&k| self.steps[k].thread == spinner) else { return };
        let node = self.visited[first];
        for other in self.tree.nodes[node].enabled.clone() {
            if other != spinner {
                self.add_branch(node, other);
            }
        }
    }

    /// Queues running `thread` at `node`, unless its branch is explored or queued already.
    fn add_branch(&mut self, node: usize, thread: usize) {
        let n = &mut self.tree.nodes[node];
        if n.done.contains(&thread) || !n.enabled.contains(&thread) {
            return;
        }
        if n.spin_yield && n.current == Some(thread) {
            // Fairness (CHESS): a thread that yields in a loop that went round without changing
            // anything, while others can run, lets one of them go first: going on only reaches
            // the state it is in again.
            return;
        }
        if n.loop_yield && n.current == Some(thread) && n.run_on >= LOOP_RUN_ON {
            // A loop that changes its state each round (a count, an iterator) may go on while
            // others wait, up to a bound: past it the search is bounded, not complete. Without
            // the bound, a spin-wait that counts its rounds would add one more round with every
            // reversal of its read against the write it waits for, forever.
            self.tree.loop_bounded = true;
            return;
        }
        let preemptions = n.preemptions + n.cost(thread);
        if self.tree.preemption_bound.is_some_and(|bound| preemptions > bound) {
            self.tree.pruned = true;
            return;
        }
        n.done.push(thread);
        let depth = n.depth;
        tracing::trace!(parent: &self.span, node, thread, preemptions, depth, "branch queued");
        self.tree.queue.push(Reverse(Pending { preemptions, depth: Reverse(depth), node, thread }));
    }

    /// Finds the races of the finished execution: for each, the step that starts it and the
    /// threads that can reverse it. Needs no tree, so parallel workers do it without the lock.
    fn find_races(&self) -> Vec<(usize, usize, Vec<usize>)> {
        let limit = self.blocked_at.unwrap_or(self.steps.len()).min(self.visited.len());
        let steps = polls::without_inert_points(&self.steps[..limit.min(self.steps.len())], self.mutant);
        let steps = &steps[..];
        let hb = HappensBefore::compute(steps);
        if tracing::enabled!(tracing::Level::DEBUG) {
            // The schedule of steps, not shuttle's decisions (critical sections' are left out):
            // `--audit` prints exact replay commands.
            let schedule = crate::Schedule::Shuttle(self.steps.iter().map(|s| s.thread).collect());
            tracing::debug!(parent: &self.span, steps = steps.len(), blocked_at = ?self.blocked_at, %schedule, "execution ended");
            for (k, step) in steps.iter().enumerate() {
                tracing::trace!(parent: &self.span, "{k:>4} t{} [{}] enables {:?}", step.thread, step.footprint, step.enables);
            }
        }
        let mut branches: Vec<(usize, usize, Vec<usize>)> = Vec::new();
        for (j, preds) in hb.conflicts.iter().enumerate() {
            for &i in preds {
                if steps[i].thread == steps[j].thread || !hb.is_race(i, j, steps) {
                    continue;
                }
                let initials = hb.initials(i, j, steps);
                branches.push((i, j, initials));
            }
        }
        branches
    }

    /// Queues the branches that reverse `races`, unless a sleep set or an explored branch
    /// already covers them.
    fn queue_races(&mut self, races: Vec<(usize, usize, Vec<usize>)>) {
        for (i, j, initials) in races {
            let node = self.visited[i];
            let n = &self.tree.nodes[node];
            if initials.iter().any(|t| n.done.contains(t) || n.sleeping(*t)) {
                continue;
            }
            let candidate = initials.iter().copied().filter(|t| n.enabled.contains(t)).min_by_key(|&t| (n.cost(t), t));
            tracing::debug!(parent: &self.span, "race {i} ~ {j}: initials {initials:?}, branch {candidate:?}");
            match candidate {
                Some(thread) => self.add_branch(node, thread),
                // No initial is enabled here (a conservative fallback): try every thread.
                None => {
                    for thread in n.enabled.clone() {
                        self.add_branch(node, thread);
                    }
                }
            }
        }
    }

    /// The thread to run at a fresh node: the current one if it can go on, else the next one
    /// after it in round-robin order (a yielding thread gives way).
    fn default_choice(candidates: &[usize], current: Option<usize>, is_yielding: bool) -> Option<usize> {
        if let Some(c) = current.filter(|c| candidates.contains(c) && !is_yielding) {
            return Some(c);
        }
        let after = current.map_or(0, |c| c + 1);
        candidates.iter().copied().find(|&t| t >= after).or_else(|| candidates.first().copied())
    }
}

impl Scheduler for DporScheduler {
    fn new_execution(&mut self) -> Option<Schedule> {
        if self.in_execution {
            let footprint = self.recorder.take();
            self.pending.merge(&footprint);
            self.close_step(&[]);
            self.races = self.reduce.then(|| self.find_races());
            self.with_tree(|s| s.finish_execution());
        }
        loop {
            match self.with_tree(|s| s.start_execution()) {
                Start::Run => break,
                Start::Done => return None,
                // Another worker's run may still add branches.
                Start::Wait => std::thread::sleep(std::time::Duration::from_micros(200)),
            }
        }
        self.in_execution = true;
        self.visited.clear();
        self.steps.clear();
        self.running = None;
        self.blocked_at = None;
        self.pending = Footprint::default();
        self.spins.clear();
        self.run_on.clear();
        emlab_vm::step::reset_locks();
        emlab_vm::step::take_back_edge();
        let _ = self.recorder.take();
        Some(Schedule::new(0))
    }

    fn next_task(&mut self, runnable: &[&Task], current: Option<TaskId>, is_yielding: bool) -> Option<TaskId> {
        let critical = current.is_some_and(|c| {
            let c = usize::from(c);
            emlab_vm::step::holds_lock(c) && runnable.iter().any(|t| usize::from(t.id()) == c)
        });
        if critical {
            // Inside a critical section: keep the running thread going.
            let footprint = self.recorder.take();
            self.pending.merge(&footprint);
            return current;
        }
        self.with_tree(|s| s.decide(runnable, current, is_yielding))
    }

    fn next_u64(&mut self) -> u64 {
        0
    }
}

impl DporScheduler {
    /// Finishes the execution that just ended: records its last step and finds its races.
    fn finish_execution(&mut self) {
        if self.blocked_at.is_none() && !self.steps.is_empty() && self.steps.len() == self.visited.len() {
            self.link_child(self.steps.len());
        }
        if let Some(races) = self.races.take() {
            self.queue_races(races);
        }
        self.in_execution = false;
        self.tree.active -= 1;
    }

    /// Takes the next branch to explore, if there is one (the root, first).
    fn start_execution(&mut self) -> Start {
        if self.tree.stopped || self.tree.executions >= self.tree.max_executions {
            return Start::Done;
        }
        if self.tree.executions == 0 {
            self.path.clear();
            self.branch = None;
        } else {
            let Some(Reverse(next)) = self.tree.queue.pop() else {
                return if self.tree.active > 0 { Start::Wait } else { Start::Done };
            };
            let mut path = Vec::new();
            // The path to `next.node`: recorded as the node sequence of some earlier execution.
            let mut cursor = Some(next.node);
            while let Some(node) = cursor {
                path.push(node);
                cursor = self.parent_of(node);
            }
            path.reverse();
            self.path = path;
            self.branch = Some(next.thread);
        }
        self.tree.executions += 1;
        self.tree.active += 1;
        self.span = tracing::debug_span!("execution", n = self.tree.executions);
        Start::Run
    }

    /// A scheduling point outside any critical section: closes the step that just ran and picks
    /// the next thread.
    fn decide(&mut self, runnable: &[&Task], current: Option<TaskId>, is_yielding: bool) -> Option<TaskId> {
        self.at_loop_yield = false;
        let chosen = self.decide_step(runnable, current, is_yielding);
        // Count the back-edges each thread goes on past while others could run.
        if let Some(c) = current.map(usize::from) {
            if self.run_on.len() <= c {
                self.run_on.resize(c + 1, 0);
            }
            self.run_on[c] = match chosen.map(usize::from) {
                Some(t) if t == c && self.at_loop_yield => self.run_on[c] + 1,
                Some(t) if t == c => self.run_on[c],
                _ => 0,
            };
        }
        chosen
    }

    fn decide_step(&mut self, runnable: &[&Task], current: Option<TaskId>, is_yielding: bool) -> Option<TaskId> {
        let mut ids: Vec<usize> = runnable.iter().map(|t| usize::from(t.id())).collect();
        ids.sort_unstable();
        let current = current.map(usize::from);
        let footprint = self.recorder.take();
        self.pending.merge(&footprint);
        let current_runnable = current.is_some_and(|c| ids.contains(&c));
        self.close_step(&ids);
        let depth = self.steps.len();
        let back_edge = emlab_vm::step::take_back_edge();
        self.at_loop_yield = is_yielding && back_edge.is_some() && ids.len() > 1;
        // Whether the thread is going round a spin-wait: at a back-edge that repeats its state.
        let mut spinning = false;
        if let (Some(state), Some(c)) = (back_edge, current) {
            // A spin-wait going round: the iteration that just ended only read shared state and
            // left the thread as it was at its last back-edge, so the state is one already reached.
            // Going on while another thread could run only repeats it: the run is redundant.
            // After a sleep-set block the rest of the run records no steps, so a thread that starts
            // then has no entry yet.
            if self.spins.len() <= c {
                self.spins.resize(c + 1, (None, false, 0));
            }
            let spin = &mut self.spins[c];
            let repeat = spin.0 == Some(state) && !spin.1;
            let since = spin.2;
            *spin = (Some(state), false, depth);
            spinning = repeat;
            if repeat && ids.len() > 1 && self.blocked_at.is_none() && depth >= self.path.len() {
                self.blocked_at = Some(depth);
                self.give_way_before_iteration(c, since, depth);
            }
        }
        if self.blocked_at.is_some() {
            let chosen = Self::default_choice(&ids, current, is_yielding)?;
            return Some(TaskId::from(chosen));
        }
        let chosen = if depth < self.path.len() {
            // Replaying the path to the branch.
            let node = self.path[depth];
            let chosen = if depth + 1 == self.path.len() {
                self.branch.expect("a path ends in a branch")
            } else {
                let next = self.path[depth + 1];
                self.tree.nodes[node]
                    .children
                    .iter()
                    .find(|(_, c)| *c == next)
                    .map(|(t, _)| *t)
                    .expect("a path follows children")
            };
            assert!(
                ids.contains(&chosen),
                "dpor: replay diverged at step {depth}: t{chosen} is not runnable (runnable: {ids:?}); the VM is \
                 not deterministic under a fixed schedule"
            );
            if depth > 0 {
                self.link_child(depth);
            }
            chosen
        } else {
            // A fresh node.
            let node = self.tree.nodes.len();
            let (sleep, preemptions) = match depth.checked_sub(1) {
                Some(d) if self.reduce => self.child_state(d),
                Some(d) => {
                    self.link_child(d + 1);
                    let parent = &self.tree.nodes[self.visited[d]];
                    (Vec::new(), parent.preemptions + parent.cost(self.steps[d].thread))
                }
                None => (Vec::new(), 0),
            };
            self.tree.nodes.push(Node {
                parent: depth.checked_sub(1).map(|d| self.visited[d]),
                depth,
                enabled: ids.clone(),
                current,
                current_continues: current_runnable && !is_yielding,
                // Only a loop that goes round without changing anything gives way for fairness: a
                // loop that makes progress (a `for` over a list advances its iterator) may go on
                // while other threads wait, and that order is a behaviour like any other.
                spin_yield: is_yielding
                    && (spinning || (self.mutant == Some(Mutant::LoopsGiveWay) && back_edge.is_some()))
                    && ids.len() > 1,
                loop_yield: self.at_loop_yield,
                run_on: current.map_or(0, |c| self.run_on.get(c).copied().unwrap_or(0)),
                preemptions,
                sleep,
                ..Node::default()
            });
            if depth > 0 {
                let parent = self.visited[depth - 1];
                let thread = self.steps[depth - 1].thread;
                self.tree.nodes[parent].children.push((thread, node));
            }
            self.path.push(node);
            let n = &mut self.tree.nodes[node];
            let mut awake: Vec<usize> = ids.iter().copied().filter(|t| !n.sleeping(*t)).collect();
            if is_yielding && back_edge.is_some() && ids.len() > 1 && awake.iter().all(|&t| Some(t) == current) {
                // A spinning thread (a yield at a loop's back-edge) gives way, even to threads that
                // sleep: waking them only costs redundant runs, while spinning on would never end.
                // Any other yield (an extension's, inside `allow_threads`) is a step like another:
                // the thread goes on to its next one.
                n.sleep.clear();
                awake = ids.clone();
            }
            if is_yielding {
                tracing::trace!(parent: &self.span, "yield at depth {depth}: t{current:?} runnable {ids:?} awake {awake:?}");
            }
            match Self::default_choice(&awake, current, is_yielding) {
                Some(chosen) => {
                    self.tree.nodes[node].done.push(chosen);
                    if !self.reduce {
                        for other in ids.iter().copied().filter(|&t| t != chosen) {
                            self.add_branch(node, other);
                        }
                    }
                    chosen
                }
                None => {
                    // Every runnable thread sleeps: whatever follows was explored already. Finish
                    // the run (its outcome is real) but learn nothing more from it.
                    self.blocked_at = Some(depth);
                    self.tree.sleep_blocked += 1;
                    tracing::debug!(parent: &self.span, depth, "sleep-set blocked: the rest of the run is explored already");
                    self.path.pop();
                    Self::default_choice(&ids, current, is_yielding)?
                }
            }
        };
        if self.blocked_at.is_none() {
            self.visited.push(self.path[depth]);
            if depth + 1 == self.path.len() {
                // The branch's own step: remember it for the siblings' sleep sets once it has run.
                self.branch = None;
            }
        }
        self.running = Some((chosen, ids));
        Some(TaskId::from(chosen))
    }

    fn parent_of(&self, node: usize) -> Option<usize> {
        self.tree.nodes[node].parent
    }

    /// Records the step just finished (at depth `depth - 1`) as its node's explored branch.
    fn link_child(&mut self, depth: usize) {
        let parent = self.visited[depth - 1];
        let step = &self.steps[depth - 1];
        let n = &mut self.tree.nodes[parent];
        if !n.explored.iter().any(|(t, _)| *t == step.thread) {
            n.explored.push((step.thread, step.footprint.clone()));
        }
    }

    /// The sleep set and preemption count of the node after the step at depth `d`.
    fn child_state(&mut self, d: usize) -> (Vec<(usize, Footprint)>, usize) {
        self.link_child(d + 1);
        let parent = &self.tree.nodes[self.visited[d]];
        let step = &self.steps[d];
        let preemptions = parent.preemptions + parent.cost(step.thread);
        let mut sleep: Vec<(usize, Footprint)> = Vec::new();
        for (thread, footprint) in parent.sleep.iter().chain(parent.explored.iter()) {
            if *thread == step.thread || sleep.iter().any(|(t, _)| t == thread) {
                continue;
            }
            if step.enables.contains(thread) || footprint.conflicts_with(&step.footprint) {
                continue;
            }
            sleep.push((*thread, footprint.clone()));
        }
        (sleep, preemptions)
    }
}

#[cfg(test)]
mod tests;
