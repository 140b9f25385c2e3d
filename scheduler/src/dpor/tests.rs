//! `dpor` against unreduced search, and exact execution counts.

use super::DporScheduler;
use crate::explorer::Stop;
use crate::target::Target;
use emlab_vm::step::Recorder;
use emlab_vm::{Bugs, Mode};
use std::cell::RefCell;
use std::collections::BTreeSet;
use std::rc::Rc;

/// What a run ended with: its output and the kinds of violation it showed.
type Outcome = (String, Vec<&'static str>);

struct Search {
    outcomes: BTreeSet<Outcome>,
    executions: usize,
    complete: bool,
}

fn target(source: &str, mode: Mode) -> Target {
    let program = emlab_vm::compile_source(source, "gen.py").unwrap_or_else(|e| panic!("{e}\n{source}"));
    Target::new("gen.py", program, mode, Bugs::none())
}

/// Runs every execution the search offers (up to `limit`) and collects the outcomes.
fn search(target: &Target, reduce: bool, limit: usize) -> Search {
    bounded_search(target, reduce, limit, None)
}

fn bounded_search(target: &Target, reduce: bool, limit: usize, bound: Option<usize>) -> Search {
    let mut scheduler = DporScheduler::new(Recorder::start(), limit, bound);
    scheduler.reduce = reduce;
    let scheduler = Rc::new(RefCell::new(scheduler));
    let mut outcomes = BTreeSet::new();
    let mut executions = 0;
    loop {
        let (reports, exhausted) = crate::shuttle_run::run_batch(target, &scheduler, 64, &Stop::OnKinds(Vec::new()));
        if reports.is_empty() {
            break;
        }
        for report in reports {
            executions += 1;
            let mut kinds: Vec<&'static str> = report.kinds().map(|k| k.name()).collect();
            kinds.sort_unstable();
            kinds.dedup();
            outcomes.insert((report.output.clone(), kinds));
        }
        if exhausted {
            break;
        }
    }
    let complete = scheduler.borrow().is_complete() || (bound.is_some() && scheduler.borrow().queue_empty());
    Search { outcomes, executions, complete }
}

fn dpor_count(source: &str) -> usize {
    let s = search(&target(source, Mode::Eml), true, 100_000);
    assert!(s.complete, "dpor did not finish:\n{source}");
    s.executions
}

#[test]
fn independent_writes_are_one_execution() {
    let two = "a = [0]\nb = [0]\ndef fa():\n    a[0] = 1\ndef fb():\n    b[0] = 1\nh = spawn(fa)\nk = spawn(fb)\njoin(h)\njoin(k)\nprint(a, b)\n";
    assert_eq!(dpor_count(two), 1);
}

#[test]
fn writes_to_one_object_are_two_executions() {
    let same = "a = [0]\ndef fa():\n    a[0] = 1\ndef fb():\n    a[0] = 2\nh = spawn(fa)\nk = spawn(fb)\njoin(h)\njoin(k)\nprint(a)\n";
    assert_eq!(dpor_count(same), 2);
}

#[test]
fn n_threads_taking_one_lock_are_n_factorial() {
    for (n, expected) in [(2, 2), (3, 6), (4, 24)] {
        let mut source =
            String::from("lock = Lock()\nlog = []\ndef work(i):\n    with lock:\n        log.append(i)\nhs = []\n");
        for i in 0..n {
            source.push_str(&format!("hs.append(spawn(work, {i}))\n"));
        }
        source.push_str("for h in hs:\n    join(h)\nprint(log)\n");
        let s = search(&target(&source, Mode::Eml), true, 100_000);
        assert!(s.complete);
        assert_eq!(s.outcomes.len(), expected, "{n} threads: one outcome per order");
        assert_eq!(s.executions, expected, "{n} threads: one execution per order\n{source}");
    }
}

fn dpor_count_in(source: &str, mode: Mode) -> Search {
    let s = search(&target(source, mode), true, 100_000);
    assert!(s.complete, "dpor did not finish in {mode} mode:\n{source}");
    s
}

/// `n` threads, each running `body` once (which may use `i`, the thread's number), then joined.
fn threads_running(n: usize, prelude: &str, body: &str, epilogue: &str) -> String {
    let mut source = format!("{prelude}def work(i):\n");
    body.lines().for_each(|l| source.push_str(&format!("    {l}\n")));
    source.push_str("hs = []\n");
    for i in 0..n {
        source.push_str(&format!("hs.append(spawn(work, {i}))\n"));
    }
    source.push_str(&format!("for h in hs:\n    join(h)\n{epilogue}"));
    source
}

#[test]
fn n_threads_taking_a_module_lock_are_n_factorial() {
    // `fastcounter.incr` takes the module's own lock (free-threaded, so no EML in any mode but
    // gil). The first read of each thread's call sees how many calls came before: one outcome
    // per order of the calls is not observable here, so the count is of executions only.
    for mode in [Mode::Nogil, Mode::Eml, Mode::GilOnImport] {
        for (n, expected) in [(2, 2), (3, 6), (4, 24)] {
            let source = threads_running(n, "import fastcounter\nc = [0]\n", "fastcounter.incr(c, 0)", "print(c)\n");
            let s = dpor_count_in(&source, mode);
            assert_eq!(s.executions, expected, "{n} threads in {mode} mode\n{source}");
            assert_eq!(s.outcomes.len(), 1);
        }
    }
}

#[test]
fn n_threads_making_one_exclusive_calls_poll_where_they_park() {
    // `counter.incr` promotes to exclusive mode. The main thread's polls while it spawns and
    // joins are inert (nothing it does before it blocks in `join` touches what the calls do), so
    // they are no park points. Each caller's poll just before its own request stays one: parking
    // there instead of requesting at once changes who may attach between two sections (for two
    // threads the two ways end alike, which makes the 3 where 2 orders would do). So does every
    // poll where a caller parked: run before the request it would not park, and its own request
    // would come first. Before the inert-poll rule: 42, 639 and 13,175; with the parking poll
    // inert too (unsound: `soundness/loop_parks_before_a_call.py`): 3, 14 and 73; with an attach
    // followed by its thread's request inert too (unsound: `soundness/allow_threads_then_a_call.py`):
    // 3, 63 and 2,167.
    for (n, expected) in [(2, 3), (3, 66), (4, 2_686)] {
        let source = threads_running(n, "import counter\nc = [0]\n", "counter.incr(c, 0)", "print(c)\n");
        let s = dpor_count_in(&source, Mode::Eml);
        assert_eq!(s.executions, expected, "{n} threads\n{source}");
        assert_eq!(s.outcomes.len(), 1);
    }
}

#[test]
fn stores_of_one_value_commute() {
    // n setters of one value and nobody reading before the joins: one execution, however many.
    for n in [2, 5, 9] {
        let source =
            threads_running(n, "done = [0]\nflag = 0\n", "global flag\ndone[0] = 1\nflag = 1", "print(done, flag)\n");
        let s = dpor_count_in(&source, Mode::Eml);
        assert_eq!(s.executions, 1, "{n} setters\n{source}");
    }
    // With a checker reading once, each setter lands before or after its read: 2^n classes.
    for n in [2, 5, 9] {
        let setters = vec!["spawn(set)"; n].join(", ");
        let source = format!(
            "done = [0]\nseen = [0]\ndef set():\n    done[0] = 1\ndef check():\n    seen[0] = done[0]\n\
             hs = [spawn(check), {setters}]\nfor h in hs:\n    join(h)\nprint(seen)\n"
        );
        let s = dpor_count_in(&source, Mode::Eml);
        assert_eq!(s.executions, 1 << n, "{n} setters and a checker\n{source}");
        assert_eq!(s.outcomes.len(), 2);
    }
    // Different values do not commute: each order of the two stores is its own execution.
    let source = threads_running(2, "done = [0]\n", "done[0] = i", "print(done)\n");
    assert_eq!(dpor_count_in(&source, Mode::Eml).executions, 2);
}

/// A tiny deterministic generator (xorshift) for the property test.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n
    }
}

/// A small program: 2 or 3 threads, each doing one operation (sometimes two, in eml mode) on one of two shared
/// lists, under a lock, through an extension (`counter.incr` and the `bank` calls promote to
/// exclusive mode in eml mode), or printing. Threads print what they see; the main thread only
/// spawns.
fn generate(seed: u64) -> (String, Mode) {
    let mut rng = Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1);
    let threads = 2 + usize::from(rng.below(4) == 0);
    let mode = [Mode::Eml, Mode::Nogil, Mode::Gil][rng.below(3) as usize];
    let mut source = String::from("import counter\nimport bank\nx = [0, 0]\ny = [0, 0]\nlock = Lock()\n");
    for t in 0..threads {
        // Two operations only in eml mode with two threads: elsewhere the baseline is too big.
        let ops = 1 + usize::from(mode == Mode::Eml && threads == 2 && rng.below(3) == 0);
        source.push_str(&format!("def t{t}():\n"));
        for _ in 0..ops {
            let i = rng.below(2);
            let o = if rng.below(3) == 0 { "y" } else { "x" };
            let line = match rng.below(9) {
                0 => format!("{o}[{i}] = {}", t + 1),
                1 => format!("{o}[{i}] += 1"),
                2 => format!("print({o}[{i}])"),
                3 => format!("with lock:\n        {o}[{i}] = {o}[{i}] + 1"),
                4 | 5 => format!("counter.incr({o}, {i})"),
                6 => format!("bank.transfer({o}, {i}, {}, 1)", 1 - i),
                7 => format!("print(bank.total({o}))"),
                _ => format!("assert {o}[{i}] == 0"),
            };
            source.push_str(&format!("    {line}\n"));
        }
    }
    for t in 0..threads {
        source.push_str(&format!("spawn(t{t})\n"));
    }
    (source, mode)
}

/// Unreduced search explores every interleaving of steps: even two one-line threads have more
/// than 300,000 of them, so the baseline is bounded to this many preemptions per schedule (the
/// generated programs' outcomes all show up with fewer).
const BASELINE_PREEMPTIONS: usize = 2;

#[test]
fn dpor_reaches_every_outcome_of_unreduced_search() {
    let mut compared = 0;
    for seed in 0..60 {
        let (source, mode) = generate(seed);
        let target = target(&source, mode);
        let full = bounded_search(&target, false, 5_000, Some(BASELINE_PREEMPTIONS));
        if !full.complete {
            continue;
        }
        let reduced = search(&target, true, 50_000);
        assert!(reduced.complete, "seed {seed}: dpor did not finish\n{source}");
        assert_eq!(reduced.outcomes, full.outcomes, "seed {seed} ({mode}): outcomes differ\n{source}");
        assert!(
            reduced.executions <= full.executions,
            "seed {seed}: dpor ran {} executions, unreduced {}\n{source}",
            reduced.executions,
            full.executions
        );
        compared += 1;
    }
    assert!(compared >= 40, "only {compared} programs were small enough to compare");
}

#[test]
fn a_terminating_spin_wait_finishes_complete() {
    let source = "flag = [0]\ndef setter():\n    flag[0] = 1\nh = spawn(setter)\nwhile flag[0] == 0:\n    pass\njoin(h)\nprint('done')\n";
    let s = search(&target(source, Mode::Eml), true, 10_000);
    assert!(s.complete);
    assert_eq!(s.outcomes.into_iter().collect::<Vec<_>>(), vec![("done\n".to_string(), vec![])]);
}

#[test]
fn two_workers_share_one_search_and_find_the_same() {
    use crate::explorer::{Budget, Explorer};
    let explorer = super::DporExplorer::default();
    let mut compared = 0;
    for seed in 0..30 {
        let (source, mode) = generate(seed);
        let target = target(&source, mode);
        let budget = |jobs| Budget { iterations: 5_000, seed: 0, jobs, preemption_bound: None };
        let one = explorer.explore(&target, &budget(1), &Stop::OnKinds(Vec::new()), &|_| {});
        if !one.coverage.is_complete() {
            continue;
        }
        let two = explorer.explore(&target, &budget(2), &Stop::OnKinds(Vec::new()), &|_| {});
        assert!(two.coverage.is_complete(), "seed {seed}: two workers did not finish\n{source}");
        assert_eq!(two.found, one.found, "seed {seed}: the kinds found differ\n{source}");
        compared += 1;
    }
    assert!(compared >= 20, "only {compared} programs compared");
}

#[test]
fn sleep_set_blocked_executions_are_counted() {
    use crate::explorer::{Budget, Explorer};
    let explore = |source: &str| {
        let budget = Budget { iterations: 5_000, seed: 0, jobs: 1, preemption_bound: None };
        super::DporExplorer::default().explore(&target(source, Mode::Eml), &budget, &Stop::OnKinds(Vec::new()), &|_| {})
    };
    // Three exclusive callers that each read the count afterwards: some reversals lead into
    // states that a sibling branch explored already.
    let calls = "import counter\nc = [0]\nseen = [0, 0, 0]\ndef work(i):\n    counter.incr(c, 0)\n    seen[i] = c[0]\n\
                 hs = [spawn(work, 0), spawn(work, 1), spawn(work, 2)]\nfor h in hs:\n    join(h)\nprint(seen)\n";
    let e = explore(calls);
    assert!(e.coverage.is_complete());
    let blocked = e.sleep_blocked.expect("dpor counts them");
    assert!(blocked > 0 && blocked < e.schedules, "{blocked} of {}", e.schedules);
    // One thread alone is never blocked.
    let alone = explore("x = [0]\nx[0] = 1\nprint(x)\n");
    assert_eq!((alone.schedules, alone.sleep_blocked), (1, Some(0)));
}

#[test]
fn a_thread_that_starts_after_a_sleep_set_block_runs_on() {
    // Three exclusive callers give sleep-set-blocked runs; a thread spawned after the block goes
    // round a loop. The rest of a blocked run is followed without being recorded; the loop's
    // back-edge once indexed the spin table by a thread it had no entry for (a panic inside the
    // scheduler, reported as a vm-panic, with the main thread's assertion after it).
    let source = "import counter\nc = [0]\nseen = [0, 0, 0]\ndef work(i):\n    counter.incr(c, 0)\n    seen[i] = c[0]\n\
                  def late():\n    for i in range(3):\n        pass\nhs = [spawn(work, 0), spawn(work, 1), spawn(work, 2)]\n\
                  for h in hs:\n    join(h)\nh = spawn(late)\njoin(h)\nprint(seen)\n";
    let s = dpor_count_in(source, Mode::Eml);
    assert!(s.outcomes.iter().all(|(_, kinds)| kinds.is_empty()), "{:?}", s.outcomes);
    assert!(s.executions > 1);
}

#[test]
fn an_exclusive_call_lands_at_every_park_point_of_a_reader() {
    // The reader reads the count three times with a call (a safepoint) between each two: the
    // exclusive call lands before the first read, at either call, or after the last read, and
    // each place shows as its own outcome. Each needs the reader to park at that safepoint.
    let source = "import counter\nc = [0]\nseen = [0, 0, 0]\ndef noop():\n    pass\ndef reader():\n    v = c[0]\n    noop()\n\
                  \x20   w = c[0]\n    noop()\n    u = c[0]\n    seen[0] = v\n    seen[1] = w\n    seen[2] = u\n\
                  def caller():\n    counter.incr(c, 0)\na = spawn(reader)\nb = spawn(caller)\njoin(a)\njoin(b)\nprint(seen)\n";
    let reduced = dpor_count_in(source, Mode::Eml);
    let outputs: BTreeSet<String> = reduced.outcomes.iter().map(|(out, _)| out.clone()).collect();
    let expected: BTreeSet<String> =
        ["[0, 0, 0]\n", "[0, 0, 1]\n", "[0, 1, 1]\n", "[1, 1, 1]\n"].into_iter().map(String::from).collect();
    // Three reads of a count that one call raises once: these four are every outcome there is.
    assert_eq!(outputs, expected);
    assert!(reduced.outcomes.iter().all(|(_, kinds)| kinds.is_empty()));
}
