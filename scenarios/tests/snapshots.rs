//! Snapshots of the minimized trace of every violation scenario in the bundled suite.
//!
//! Each trace is found with PCT (seed 0), minimized, and compared with `scenarios/tests/snapshots/`
//! (insta's own place for an integration test's snapshots, where `cargo insta review` finds them).
//! A changed trace fails the test; review the difference with `cargo insta review`.

use emlab::check::bundled_suite;
use emlab::scenario::{discover, Expectation, Scenario};
use emlab_scheduler::{explorer_for, minimize, Budget, SchedulerKind, Stop, Target};
use emlab_vm::compile_source;

#[test]
fn minimized_traces_of_violation_scenarios() {
    let found = discover(&[bundled_suite()]).expect("the bundled suite is readable");
    let mut snapshotted = 0;
    for (path, name) in found {
        let scenario = Scenario::load(&path, &name).expect("bundled scenarios parse");
        let Expectation::Violation(kinds) = &scenario.expect else { continue };
        let program = compile_source(&scenario.source, &name).expect("bundled scenarios compile");
        let target = Target::new(&name, program, scenario.mode, scenario.bugs.iter().copied().collect());
        let scheduler = [SchedulerKind::Pct, SchedulerKind::Random]
            .into_iter()
            .find(|k| scenario.schedulers.contains(k))
            .unwrap_or(SchedulerKind::Pct);
        let budget =
            Budget { iterations: scenario.iterations.unwrap_or(1000), seed: 0, jobs: 1, preemption_bound: None };
        let exploration = explorer_for(scheduler).explore(&target, &budget, &Stop::OnKinds(kinds.clone()), &|_| {});
        let first = exploration.first.unwrap_or_else(|| panic!("{name}: {scheduler} found none of {kinds:?}"));
        let kind = first.kinds().find(|k| kinds.contains(k)).expect("the stop rule matched an expected kind");
        let minimized = minimize(&target, &first, kind);
        let header = format!("scenario: {name}  mode: {}  scheduler: {scheduler}  seed: 0", scenario.mode);
        let violation = minimized.report.violations.iter().find(|v| v.kind == kind);
        let trace = minimized.report.render(&header, violation, &target.program.source);
        let snapshot_name = name.trim_end_matches(".py").replace('/', "__");
        insta::with_settings!({ prepend_module_to_snapshot => false, omit_expression => true }, {
            insta::assert_snapshot!(snapshot_name, trace);
        });
        snapshotted += 1;
    }
    assert!(snapshotted >= 10, "only {snapshotted} violation scenarios were snapshotted");
}
