//! `emlab check`: explore every scenario under every scheduler and judge it against its
//! expectation; or, with `--mode all`, report what each mode allows ([`crate::matrix`]); or, with
//! `--shard I/N`, do one share of that work ([`crate::shard`]).

use crate::bundled;
use crate::cli::{CheckArgs, Format, ModeArg};
use crate::exit;
use crate::html::TraceView;
use crate::report::{self, PairResult, Verdict};
use crate::scenario::{discover, Expectation, Scenario};
use crate::shard::{self, Unit};
use crate::stderr_filter::StderrFilter;
use emlab_scheduler::{explorer_for, minimize, Budget, SchedulerKind, Stop, Target};
use emlab_vm::{compile_source, Mode, ViolationKind};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::path::PathBuf;
use std::time::Instant;

/// Where the bundled suite lives in a checkout (the binary carries its own copy: [`crate::bundled`]).
pub fn bundled_suite() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("suite")
}

/// One scenario to check in one mode, with the command line's overrides applied.
struct Job {
    scenario: Scenario,
    target: Target,
    expect: Expectation,
    schedulers: Vec<SchedulerKind>,
}

fn load_jobs(args: &CheckArgs) -> Result<Vec<Job>, String> {
    let paths = if args.paths.is_empty() { vec![PathBuf::from(bundled::SUITE_PREFIX)] } else { args.paths.clone() };
    let mut found = Vec::new();
    for path in &paths {
        match bundled::suite_selector(path) {
            Some(selector) => {
                for (name, source) in bundled::scenarios(selector).map_err(|e| format!("emlab: {e}"))? {
                    let path = PathBuf::from(format!("{}{name}", bundled::SUITE_PREFIX));
                    found.push((path, name.to_string(), Some(source)));
                }
            }
            None => found.extend(
                discover(std::slice::from_ref(path)).map_err(|e| e.to_string())?.into_iter().map(|(p, n)| (p, n, None)),
            ),
        }
    }
    if found.is_empty() {
        return Err(format!("emlab: no scenarios (*.py) found in {}", display_paths(&paths)));
    }
    let mut jobs = Vec::new();
    for (path, name, bundled_source) in found {
        let scenario = match bundled_source {
            Some(source) => Scenario::parse(&path, &name, source),
            None => Scenario::load(&path, &name),
        }
        .map_err(|e| e.to_string())?;
        let program = compile_source(&scenario.source, &path.display().to_string())
            .map_err(|e| crate::diagnostics::render_syntax_error(&path.display().to_string(), &scenario.source, &e))?;
        let modes = match args.vm.mode {
            Some(ModeArg::All) => Mode::ALL.to_vec(),
            Some(ModeArg::One(mode)) => vec![mode],
            None => vec![scenario.mode],
        };
        let bugs: emlab_vm::Bugs = if args.vm.inject.is_empty() {
            scenario.bugs.iter().copied().collect()
        } else {
            args.vm.inject.iter().copied().collect()
        };
        let expect = args.expect.clone().unwrap_or_else(|| scenario.expect.clone());
        let schedulers = if args.scheduler.is_empty() { scenario.schedulers.clone() } else { args.scheduler.clone() };
        for mode in modes {
            let target = Target::new(&name, program.clone(), mode, bugs);
            jobs.push(Job {
                scenario: scenario.clone(),
                target,
                expect: expect.clone(),
                schedulers: schedulers.clone(),
            });
        }
    }
    Ok(jobs)
}

fn display_paths(paths: &[PathBuf]) -> String {
    paths.iter().map(|p| p.display().to_string()).collect::<Vec<_>>().join(", ")
}

/// The exact command that replays `schedule` of `job`.
fn replay_command(job: &Job, schedule: &emlab_scheduler::Schedule) -> Option<String> {
    if matches!(schedule, emlab_scheduler::Schedule::Unrecorded) {
        return None;
    }
    let mut cmd =
        format!("emlab replay {} --schedule {schedule} --mode {}", job.scenario.path.display(), job.target.mode);
    for bug in job.target.bugs.iter() {
        cmd.push_str(&format!(" --inject {bug}"));
    }
    Some(cmd)
}

/// Explores one unit of work; None when it is a part that gets no schedules.
fn check_unit(
    job: &Job,
    kind: SchedulerKind,
    unit: Unit,
    args: &CheckArgs,
    progress: &ProgressBar,
) -> Option<PairResult> {
    let started = Instant::now();
    let matrix = args.vm.mode == Some(ModeArg::All);
    let explorer = explorer_for(kind);
    let iterations = args.iterations.or(job.scenario.iterations).unwrap_or_else(|| explorer.default_iterations());
    let mut budget =
        Budget { iterations, seed: args.seed, jobs: args.jobs.max(1), preemption_bound: args.preemption_bound };
    if let Some(part) = unit.part {
        budget = shard::part_budget(&budget, part)?;
    }
    // The mode matrix wants every kind a mode allows: it stops only at a bug in the VM itself.
    let stop = match &job.expect {
        _ if matrix => Stop::OnKinds(Vec::new()),
        Expectation::Pass => Stop::FirstViolation,
        Expectation::Violation(kinds) => Stop::OnKinds(kinds.clone()),
    };
    let mode = job.target.mode;
    progress.set_message(format!("{} [{mode}, {kind}]", job.scenario.name));
    let exploration = explorer.explore(&job.target, &budget, &stop, &|n| {
        if n % 16 == 0 {
            progress.set_message(format!("{} [{mode}, {kind}] {n} schedules", job.scenario.name));
        }
    });
    let verdict = (!matrix)
        .then(|| report::judge(&job.expect, &exploration.found, exploration.skipped.is_some(), unit.part.is_some()));
    let mut result = PairResult {
        scenario: job.scenario.name.clone(),
        path: job.scenario.path.clone(),
        scheduler: kind,
        mode,
        schedules: exploration.schedules,
        expected: (!matrix).then(|| job.expect.to_string()),
        found: exploration.found.clone(),
        verdict,
        replay: None,
        seconds: 0.0,
        skipped: exploration.skipped.clone(),
        complete: exploration.skipped.is_none().then(|| exploration.coverage.is_complete()),
        coverage: exploration.skipped.is_none().then(|| exploration.coverage.to_string()),
        trace: None,
        shrink: None,
        pair: unit.pair,
        shard: args.shard,
        part: unit.part,
        views: Vec::new(),
    };
    if let Some(first) = &exploration.first {
        let kind_of_interest = first.violations.iter().map(|v| v.kind).next().unwrap_or(ViolationKind::VmPanic);
        let minimized = (verdict == Some(Verdict::Fail) && !args.no_minimize).then(|| {
            let minimized = minimize(&job.target, first, kind_of_interest);
            result.shrink =
                Some(report::Shrink { before: minimized.before, after: minimized.after, replays: minimized.runs });
            minimized.report
        });
        let shown = minimized.as_ref().unwrap_or(first);
        result.replay = replay_command(job, &shown.schedule);
        let header = format!(
            "scenario: {}  mode: {}  scheduler: {kind}  seed: {}",
            job.scenario.name, job.target.mode, budget.seed
        );
        let of_interest =
            |r: &emlab_scheduler::RunReport| r.violations.iter().find(|v| v.kind == kind_of_interest).cloned();
        result.trace = Some(shown.render(&header, of_interest(shown).as_ref()));
        if args.report.is_some() {
            if let Some(small) = &minimized {
                result.views.push(TraceView::new("minimized", &header, small, of_interest(small).as_ref()));
            }
            result.views.push(TraceView::new("as found", &header, first, of_interest(first).as_ref()));
        }
    }
    result.seconds = started.elapsed().as_secs_f64();
    Some(result)
}

/// Runs `emlab check`; returns the exit code.
pub fn check(args: &CheckArgs) -> i32 {
    let jobs = match load_jobs(args) {
        Ok(jobs) => jobs,
        Err(message) => {
            eprintln!("{}", message.trim_end());
            return exit::USAGE;
        }
    };
    let matrix = args.vm.mode == Some(ModeArg::All);
    let pairs: Vec<(&Job, SchedulerKind)> =
        jobs.iter().flat_map(|job| job.schedulers.iter().map(move |&kind| (job, kind))).collect();
    let units = shard::plan(&pairs.iter().map(|&(_, kind)| kind).collect::<Vec<_>>(), args.shard);
    let progress = ProgressBar::with_draw_target(Some(units.len() as u64), ProgressDrawTarget::stderr());
    if !std::io::IsTerminal::is_terminal(&std::io::stderr()) {
        progress.set_draw_target(ProgressDrawTarget::hidden());
    }
    progress.set_style(
        ProgressStyle::with_template("{bar:30} {pos}/{len} {elapsed} {wide_msg}")
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    // After the progress bar has seen whether stderr is a terminal: from here on it is a pipe.
    let quiet = StderrFilter::install();
    // The matrix is printed at the end, unless this is a shard: a shard's results are for merging.
    let per_result = !matrix || args.shard.is_some();
    let mut results = Vec::new();
    for unit in units {
        let (job, kind) = pairs[unit.pair];
        if let Some(result) = check_unit(job, kind, unit, args, &progress) {
            if per_result {
                progress.suspend(|| report::print(&result, args.format));
            }
            results.push(result);
        }
        progress.inc(1);
    }
    progress.finish_and_clear();
    drop(quiet);
    let code = finish(&results, args.format, matrix, args.shard);
    if let Some(dir) = &args.report {
        if let Err(message) = crate::html::write_report(dir, &results, matrix) {
            eprintln!("{message}");
            return exit::USAGE;
        }
    }
    code
}

/// Prints what follows the results (the matrix, the summary line, a shard's closing object) and
/// returns the exit code. `emlab merge` ends the same way.
pub fn finish(results: &[PairResult], format: Format, matrix: bool, shard: Option<shard::Shard>) -> i32 {
    match (format, shard) {
        (Format::Json, Some(shard)) => {
            println!("{}", serde_json::json!({"shard": shard.to_string(), "results": results.len()}))
        }
        (Format::Json, None) if matrix => crate::matrix::json_lines(results).iter().for_each(|l| println!("{l}")),
        (Format::Json, None) => {}
        (Format::Text, _) if matrix => print!("{}", crate::matrix::text(results)),
        (Format::Text, _) => println!("{}", report::summary(results)),
    }
    if matrix {
        crate::matrix::exit_code(results)
    } else {
        report::exit_code(results)
    }
}
