//! Exploration drivers, replay and minimization, on small programs.

use emlab_scheduler::{explorer_for, minimize, replay, Budget, Exploration, Schedule, SchedulerKind, Stop, Target};
use emlab_vm::{compile_source, Bug, Bugs, Mode, ViolationKind};

fn target(source: &str, mode: Mode, bugs: Bugs) -> Target {
    Target::new("test.py", compile_source(source, "test.py").expect("compiles"), mode, bugs)
}

fn explore(kind: SchedulerKind, t: &Target, iterations: usize, stop: Stop) -> Exploration {
    explorer_for(kind).explore(t, &Budget { iterations, seed: 1, jobs: 1, preemption_bound: None }, &stop, &|_| {})
}

const LOST_UPDATE: &str = "\
c = [0]
def work():
    c[0] += 1
h = spawn(work)
work()
join(h)
assert c[0] == 2, c[0]
";

/// Two threads that share nothing but the spawn and the join.
const TRIVIAL: &str = "def f():\n    pass\nh = spawn(f)\njoin(h)\n";

#[test]
fn loom_explores_a_trivial_program_exhaustively_in_a_fixed_number_of_executions() {
    let t = target(TRIVIAL, Mode::Eml, Bugs::none());
    // Loom's partial-order reduction leaves 25 executions of the current VM (its scheduling
    // points: the coordinator's lock, spawn, join, the thread's start and end); a change here
    // means the exploration changed.
    let loom = explore(SchedulerKind::Loom, &t, 100_000, Stop::FirstViolation);
    assert!(loom.found.is_empty());
    assert_eq!(loom.schedules, 25);
    assert_eq!(explore(SchedulerKind::Loom, &t, 100_000, Stop::FirstViolation).schedules, 25);
}

#[test]
fn dfs_explores_every_schedule_within_the_preemption_bound() {
    let t = target(TRIVIAL, Mode::Eml, Bugs::none());
    let dfs = explore(SchedulerKind::Dfs, &t, 100_000, Stop::FirstViolation);
    assert!(dfs.found.is_empty());
    assert!(dfs.schedules < 100_000, "the bounded search ends on its own");
    assert_eq!(dfs.schedules, explore(SchedulerKind::Dfs, &t, 100_000, Stop::FirstViolation).schedules);
    println!("dfs explores the trivial program in {} schedules", dfs.schedules);
    // Two threads that each take one step: DFS finds the order where t1 stores last.
    let two_orders = target(
        "c = [0]\ndef f():\n    c[0] = 1\nh = spawn(f)\nc[0] = 2\njoin(h)\nassert c[0] == 2\n",
        Mode::Eml,
        Bugs::none(),
    );
    let e = explore(SchedulerKind::Dfs, &two_orders, 100_000, Stop::OnKinds(vec![ViolationKind::Assertion]));
    assert_eq!(e.found, vec![ViolationKind::Assertion]);
    // A budget smaller than the search stops it at exactly the budget.
    assert_eq!(explore(SchedulerKind::Dfs, &t, 5, Stop::FirstViolation).schedules, 5);
}

#[test]
fn every_scheduler_finds_the_lost_update() {
    let t = target(LOST_UPDATE, Mode::Eml, Bugs::none());
    for kind in [SchedulerKind::Random, SchedulerKind::Pct, SchedulerKind::Dfs, SchedulerKind::Loom] {
        let e = explore(kind, &t, 2000, Stop::OnKinds(vec![ViolationKind::Assertion]));
        assert_eq!(e.found, vec![ViolationKind::Assertion], "{kind}");
        assert!(e.first.is_some());
    }
}

#[test]
fn replay_reproduces_the_same_trace_every_time() {
    let t = target(LOST_UPDATE, Mode::Eml, Bugs::none());
    let e = explore(SchedulerKind::Pct, &t, 2000, Stop::OnKinds(vec![ViolationKind::Assertion]));
    let first = e.first.expect("pct finds the lost update");
    let text: String = first.schedule.to_string();
    let parsed: Schedule = text.parse().unwrap();
    for _ in 0..3 {
        let again = replay(&t, &parsed).unwrap();
        assert_eq!(again.events, first.events);
        assert_eq!(again.schedule, first.schedule);
        assert_eq!(again.kinds().collect::<Vec<_>>(), vec![ViolationKind::Assertion]);
    }
    // A loom schedule replays too.
    let l = explore(SchedulerKind::Loom, &t, 2000, Stop::OnKinds(vec![ViolationKind::Assertion]));
    let found = l.first.expect("loom finds the lost update");
    let again = replay(&t, &found.schedule).unwrap();
    assert_eq!(again.events, found.events);
}

#[test]
fn a_schedule_that_does_not_fit_is_an_error() {
    let t = target(LOST_UPDATE, Mode::Eml, Bugs::none());
    assert!(replay(&t, &"5x3".parse().unwrap()).is_err());
}

#[test]
fn minimization_keeps_the_kind_and_never_grows() {
    let cases = [
        (LOST_UPDATE, Mode::Eml, Bugs::none(), ViolationKind::Assertion),
        (
            "import counter\nc = [0]\ndef w():\n    c[0] += 10\nh = spawn(w)\ncounter.incr(c, 0)\njoin(h)\n",
            Mode::Nogil,
            Bugs::none(),
            ViolationKind::Atomicity,
        ),
        (
            "import cache\nimport gc\ndef f():\n    gc.collect()\nh = spawn(f)\ncache.put('k', [7])\njoin(h)\nprint(cache.get('k'))\n",
            Mode::Eml,
            Bugs::none().with(Bug::PinBorrowUncounted),
            ViolationKind::UseAfterFree,
        ),
    ];
    for (source, mode, bugs, kind) in cases {
        let t = target(source, mode, bugs);
        for seed in 0..3 {
            let e = explorer_for(SchedulerKind::Random).explore(
                &t,
                &Budget { iterations: 3000, seed, jobs: 1, preemption_bound: None },
                &Stop::OnKinds(vec![kind]),
                &|_| {},
            );
            let first = e.first.unwrap_or_else(|| panic!("random finds {kind}"));
            let m = minimize(&t, &first, kind);
            assert!(m.report.kinds().any(|k| k == kind), "minimization changed the kind of {kind}");
            assert!(m.after <= m.before);
            let again = replay(&t, &m.report.schedule).unwrap();
            assert!(again.kinds().any(|k| k == kind));
        }
    }
}

#[test]
fn each_violation_kind_is_detected() {
    let cases: [(&str, Mode, Bugs, ViolationKind); 6] = [
        ("def f():\n    return 1 // 0\njoin(spawn(f))\n", Mode::Eml, Bugs::none(), ViolationKind::Exception),
        (
            "import counter\nc = [0]\ndef w():\n    c[0] += 10\nh = spawn(w)\ncounter.incr(c, 0)\njoin(h)\n",
            Mode::Nogil,
            Bugs::none(),
            ViolationKind::Atomicity,
        ),
        (
            "import cache\nimport gc\ncache.put('k', [1])\ngc.collect()\nprint(cache.get('k')[0])\n",
            Mode::Eml,
            Bugs::none().with(Bug::GcIgnorePins),
            ViolationKind::UseAfterFree,
        ),
        ("import blocking\nblocking.peek_released([1])\n", Mode::Eml, Bugs::none(), ViolationKind::OutsideEml),
        (
            "a = Lock()\nb = Lock()\ndef f():\n    with b:\n        with a:\n            pass\nh = spawn(f)\nwith a:\n    with b:\n        pass\njoin(h)\n",
            Mode::Eml,
            Bugs::none(),
            ViolationKind::Deadlock,
        ),
        (
            "flag = [0]\ndef f():\n    return 1\nh = spawn(f)\nwhile flag[0] == 0:\n    pass\n",
            Mode::Eml,
            Bugs::none(),
            ViolationKind::StepLimit,
        ),
    ];
    for (source, mode, bugs, kind) in cases {
        let t = target(source, mode, bugs);
        let e = explore(SchedulerKind::Pct, &t, 500, Stop::OnKinds(vec![kind]));
        assert!(e.found.contains(&kind), "pct did not detect {kind}: found {:?}", e.found);
        let first = e.first.expect("a report");
        let v = first.violations.iter().find(|v| v.kind == kind).expect("the violation");
        assert!(!v.message.is_empty());
    }
}

#[test]
fn a_deadlock_names_what_each_thread_waits_for() {
    let source = "a = Lock()\nb = Lock()\ndef f():\n    with b:\n        with a:\n            pass\nh = spawn(f)\nwith a:\n    with b:\n        pass\njoin(h)\n";
    let t = target(source, Mode::Eml, Bugs::none());
    let e = explore(SchedulerKind::Pct, &t, 500, Stop::OnKinds(vec![ViolationKind::Deadlock]));
    let report = e.first.expect("pct finds the deadlock");
    let message = &report.violations[0].message;
    assert!(message.contains("t0") && message.contains("t1") && message.contains("lock"), "{message}");
}

#[test]
fn loom_skips_programs_with_more_than_four_threads() {
    let source =
        "def f():\n    pass\nhs = [spawn(f), spawn(f), spawn(f), spawn(f), spawn(f)]\nfor h in hs:\n    join(h)\n";
    let e = explore(SchedulerKind::Loom, &target(source, Mode::Eml, Bugs::none()), 10, Stop::FirstViolation);
    assert!(e.skipped.is_some_and(|r| r.contains("5 threads")));
}

#[test]
fn jobs_split_the_iterations() {
    let t = target(TRIVIAL, Mode::Eml, Bugs::none());
    let e = explorer_for(SchedulerKind::Random).explore(
        &t,
        &Budget { iterations: 40, seed: 3, jobs: 2, preemption_bound: None },
        &Stop::FirstViolation,
        &|_| {},
    );
    assert_eq!(e.schedules, 40);
}

#[test]
fn loom_runs_exactly_its_budget() {
    // The trivial program has 25 executions; loom used to look at its budget only every 20,000.
    let t = target(TRIVIAL, Mode::Eml, Bugs::none());
    for budget in [1, 10, 24] {
        assert_eq!(explore(SchedulerKind::Loom, &t, budget, Stop::FirstViolation).schedules, budget);
    }
    assert_eq!(explore(SchedulerKind::Loom, &t, 25, Stop::FirstViolation).schedules, 25);
}

#[test]
fn every_scheduler_ends_on_a_program_without_threads() {
    for source in ["x = 1\n", "", "i = 0\nwhile i < 100:\n    i += 1\n"] {
        let t = target(source, Mode::Eml, Bugs::none());
        for kind in
            [SchedulerKind::Random, SchedulerKind::Pct, SchedulerKind::Dfs, SchedulerKind::Loom, SchedulerKind::Os]
        {
            let started = std::time::Instant::now();
            let e = explore(kind, &t, 50, Stop::FirstViolation);
            assert!(e.found.is_empty(), "{kind} on {source:?}: {:?}", e.found);
            assert!((1..=50).contains(&e.schedules), "{kind} on {source:?}: {} schedules", e.schedules);
            assert!(started.elapsed().as_secs() < 20, "{kind} on {source:?} took {:?}", started.elapsed());
        }
    }
}

/// The main thread spins until the thread it spawned sets a flag: it ends under any fair schedule.
const SPIN_WAIT: &str = "\
flag = [0]
def setter():
    flag[0] = 1
h = spawn(setter)
while flag[0] == 0:
    pass
join(h)
";

#[test]
fn a_terminating_spin_wait_passes_under_every_scheduler() {
    for source in [
        SPIN_WAIT,
        &SPIN_WAIT.replace("while flag[0] == 0:\n    pass\n", "while flag[0] == 0:\n    x = 1\n    y = 2\n"),
    ] {
        let t = target(source, Mode::Eml, Bugs::none());
        for kind in
            [SchedulerKind::Random, SchedulerKind::Pct, SchedulerKind::Dfs, SchedulerKind::Loom, SchedulerKind::Os]
        {
            let e = explore(kind, &t, 300, Stop::FirstViolation);
            assert!(e.found.is_empty(), "{kind}: {:?}\n{:?}", e.found, e.first.map(|r| r.violations));
        }
    }
}

#[test]
fn ordinary_loops_are_not_a_step_limit_under_checking() {
    // 3,000 iterations (about 30,000 instructions) used to pass the checker's budget of 20,000.
    let t = target("i = 0\nwhile i < 3000:\n    i += 1\nassert i == 3000\n", Mode::Eml, Bugs::none());
    let e = explore(SchedulerKind::Random, &t, 3, Stop::FirstViolation);
    assert!(e.found.is_empty(), "{:?}", e.first.map(|r| r.violations));
    // Recursion as deep as CPython allows by default.
    let deep = "def f(n):\n    if n == 0:\n        return 0\n    return f(n - 1) + 1\nassert f(990) == 990\n";
    let e = explore(SchedulerKind::Random, &target(deep, Mode::Eml, Bugs::none()), 2, Stop::FirstViolation);
    assert!(e.found.is_empty(), "{:?}", e.first.map(|r| r.violations));
    // A smaller budget, set on the target, still catches the hang.
    let limits = emlab_vm::Limits { max_steps: Some(5_000), ..emlab_vm::Limits::for_checking() };
    let e = explore(SchedulerKind::Random, &t.with_limits(limits), 3, Stop::FirstViolation);
    assert_eq!(e.found, vec![ViolationKind::StepLimit]);
}
