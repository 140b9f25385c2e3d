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
use emlab_scheduler::{explorer_for, minimize, Budget, Exploration, SchedulerKind, Stop, Target};
use emlab_vm::{compile_source, Limits, Mode, ViolationKind};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::path::PathBuf;
use std::time::{Duration, Instant};

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
    // Every scenario that cannot be loaded is reported, not only the first.
    let mut errors = Vec::new();
    for (path, name, bundled_source) in found {
        let loaded = match bundled_source {
            Some(source) => Scenario::parse(&path, &name, source),
            None => Scenario::load(&path, &name),
        }
        .map_err(|e| e.to_string())
        .and_then(|scenario| {
            compile_source(&scenario.source, &path.display().to_string())
                .map(|program| (scenario.clone(), program))
                .map_err(|e| crate::diagnostics::render_syntax_error(&path.display().to_string(), &scenario.source, &e))
        });
        let (scenario, program) = match loaded {
            Ok(loaded) => loaded,
            Err(message) => {
                errors.push(message.trim_end().to_string());
                continue;
            }
        };
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
            let target =
                Target::new(&name, program.clone(), mode, bugs).with_limits(args.vm.limits(Limits::for_checking()));
            jobs.push(Job {
                scenario: scenario.clone(),
                target,
                expect: expect.clone(),
                schedulers: schedulers.clone(),
            });
        }
    }
    match errors.len() {
        0 => Ok(jobs),
        1 => Err(errors.remove(0)),
        n => Err(format!("{}\nemlab: {n} scenarios could not be loaded", errors.join("\n"))),
    }
}

fn display_paths(paths: &[PathBuf]) -> String {
    paths.iter().map(|p| p.display().to_string()).collect::<Vec<_>>().join(", ")
}

/// The exact command that replays `schedule` of `job`.
fn replay_command(job: &Job, schedule: &emlab_scheduler::Schedule, args: &CheckArgs) -> Option<String> {
    if matches!(schedule, emlab_scheduler::Schedule::Unrecorded) {
        return None;
    }
    let path = shell_quote(&job.scenario.path.display().to_string());
    let mut cmd = format!("emlab replay {path} --schedule {schedule} --mode {}", job.target.mode);
    for bug in job.target.bugs.iter() {
        cmd.push_str(&format!(" --inject {bug}"));
    }
    cmd.push_str(&args.vm.limit_flags());
    Some(cmd)
}

/// `word` as a POSIX shell reads it back: as is when it is plain, else in single quotes.
pub fn shell_quote(word: &str) -> String {
    let plain = |c: char| c.is_ascii_alphanumeric() || "_-./:=@%+,".contains(c);
    if !word.is_empty() && word.chars().all(plain) {
        word.to_string()
    } else {
        format!("'{}'", word.replace('\'', "'\\''"))
    }
}

/// Most seconds spent shrinking one failing trace; past it the trace is shown as found.
const MINIMIZE_SECONDS: u64 = 5;

/// `target` whose runs stop soon after `timeout` from now. The deadline comes a second after the
/// timeout: a run cut short by it ends only results that nobody waits for any more.
fn with_deadline(target: &Target, timeout: Duration) -> Target {
    let mut limits = target.limits;
    limits.deadline = Some(Instant::now() + timeout + Duration::from_secs(1));
    target.clone().with_limits(limits)
}

/// Minimizes `first` on a thread of its own for at most `timeout`; None when the time ran out.
fn minimize_within(
    target: &Target,
    first: &emlab_scheduler::RunReport,
    kind: ViolationKind,
    timeout: Duration,
) -> Option<emlab_scheduler::Minimized> {
    let target = with_deadline(target, timeout);
    let first = first.clone();
    let (sender, receiver) = std::sync::mpsc::channel();
    let shrink = move || {
        let _ = sender.send(minimize(&target, &first, kind));
    };
    match std::thread::Builder::new().name("emlab-minimize".into()).stack_size(8 << 20).spawn(shrink) {
        Ok(_) => receiver.recv_timeout(timeout).ok(),
        Err(_) => None,
    }
}

/// Explores on a thread of its own and waits at most `timeout`; when the time runs out, the
/// number of schedules explored by then. The target's deadline makes an abandoned exploration's
/// runs stop at their next step.
fn explore_within(
    target: &Target,
    kind: SchedulerKind,
    budget: &Budget,
    stop: &Stop,
    timeout: Duration,
    progress: &ProgressBar,
    name: &str,
) -> Result<Exploration, usize> {
    let bounded = with_deadline(target, timeout);
    let (owned_budget, owned_stop, progress, label) =
        (budget.clone(), stop.clone(), progress.clone(), name.to_string());
    let (sender, receiver) = std::sync::mpsc::channel();
    let explored = std::sync::Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let counter = explored.clone();
    let explore = move || {
        let exploration = explorer_for(kind).explore(&bounded, &owned_budget, &owned_stop, &|n| {
            counter.fetch_max(n, std::sync::atomic::Ordering::Relaxed);
            if n % 16 == 0 {
                progress.set_message(format!("{label} [{kind}] {n} schedules"));
            }
        });
        let _ = sender.send(exploration);
    };
    // The thread is detached: past the timeout nobody waits for it.
    match std::thread::Builder::new().name(format!("emlab-check-{kind}")).stack_size(8 << 20).spawn(explore) {
        Ok(_) => match receiver.recv_timeout(timeout) {
            Ok(exploration) => Ok(exploration),
            Err(std::sync::mpsc::RecvTimeoutError::Timeout) => Err(explored.load(std::sync::atomic::Ordering::Relaxed)),
            // The explorer itself panicked (its runs' panics are caught): a bug in emlab.
            Err(std::sync::mpsc::RecvTimeoutError::Disconnected) => {
                Ok(Exploration { found: vec![ViolationKind::VmPanic], ..Exploration::default() })
            }
        },
        Err(e) => {
            eprintln!("emlab: cannot start a thread to explore {name} ({e}): exploring without --timeout");
            Ok(explorer_for(kind).explore(target, budget, stop, &|_| {}))
        }
    }
}

/// A unit's result before its exploration says anything: who and what, nothing found.
fn blank_result(job: &Job, kind: SchedulerKind, unit: Unit, args: &CheckArgs) -> PairResult {
    let matrix = args.vm.mode == Some(ModeArg::All);
    PairResult {
        scenario: job.scenario.name.clone(),
        path: job.scenario.path.clone(),
        scheduler: kind,
        mode: job.target.mode,
        schedules: 0,
        expected: (!matrix).then(|| job.expect.to_string()),
        found: Vec::new(),
        verdict: None,
        replay: None,
        seconds: 0.0,
        skipped: None,
        complete: None,
        coverage: None,
        sleep_blocked: None,
        trace: None,
        shrink: None,
        pair: unit.pair,
        shard: args.shard,
        part: unit.part,
        views: Vec::new(),
    }
}

/// The result of a unit that ran out of `--timeout`: how far it got, and that it is no proof.
fn timed_out(
    job: &Job,
    kind: SchedulerKind,
    unit: Unit,
    args: &CheckArgs,
    explored: usize,
    started: Instant,
) -> PairResult {
    PairResult {
        schedules: explored,
        verdict: Some(Verdict::Timeout),
        seconds: started.elapsed().as_secs_f64(),
        skipped: Some(format!("no verdict within --timeout {}s", args.timeout)),
        complete: Some(false),
        coverage: Some(format!("timed out: {explored} schedules in {}s (--timeout), not all", args.timeout)),
        ..blank_result(job, kind, unit, args)
    }
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
    let span = tracing::info_span!("check", scenario = %job.scenario.name, %mode, scheduler = %kind);
    let _in_span = span.enter();
    progress.set_message(format!("{} [{mode}, {kind}]", job.scenario.name));
    let timeout = Duration::from_secs(args.timeout as u64);
    let exploration = match explore_within(&job.target, kind, &budget, &stop, timeout, progress, &job.scenario.name) {
        Ok(exploration) => exploration,
        Err(explored) => return Some(timed_out(job, kind, unit, args, explored, started)),
    };
    let verdict = (!matrix)
        .then(|| report::judge(&job.expect, &exploration.found, exploration.skipped.is_some(), unit.part.is_some()));
    let mut result = PairResult {
        schedules: exploration.schedules,
        found: exploration.found.clone(),
        verdict,
        skipped: exploration.skipped.clone(),
        complete: exploration.skipped.is_none().then(|| exploration.coverage.is_complete()),
        coverage: exploration.skipped.is_none().then(|| exploration.coverage.to_string()),
        sleep_blocked: exploration.sleep_blocked,
        ..blank_result(job, kind, unit, args)
    };
    if let Some(first) = &exploration.first {
        let kind_of_interest = first.violations.iter().map(|v| v.kind).next().unwrap_or(ViolationKind::VmPanic);
        let left = Duration::from_secs(args.timeout as u64).saturating_sub(started.elapsed());
        let shrink_time = left.min(Duration::from_secs(MINIMIZE_SECONDS));
        let minimized = if verdict == Some(Verdict::Fail) && !args.no_minimize {
            minimize_within(&job.target, first, kind_of_interest, shrink_time).map(|minimized| {
                result.shrink =
                    Some(report::Shrink { before: minimized.before, after: minimized.after, replays: minimized.runs });
                minimized.report
            })
        } else {
            None
        };
        let shown = minimized.as_ref().unwrap_or(first);
        result.replay = replay_command(job, &shown.schedule, args);
        let header = format!(
            "scenario: {}  mode: {}  scheduler: {kind}  seed: {}",
            job.scenario.name, job.target.mode, budget.seed
        );
        let of_interest =
            |r: &emlab_scheduler::RunReport| r.violations.iter().find(|v| v.kind == kind_of_interest).cloned();
        result.trace = Some(shown.render(&header, of_interest(shown).as_ref(), &job.target.program.source));
        if args.report.is_some() {
            if let Some(small) = &minimized {
                result.views.push(TraceView::new(
                    "minimized",
                    &header,
                    &job.target,
                    small,
                    of_interest(small).as_ref(),
                ));
            }
            result.views.push(TraceView::new("as found", &header, &job.target, first, of_interest(first).as_ref()));
        }
    }
    if exploration.coverage.is_complete() {
        result.coverage = Some(proof_statement(job));
        if kind == SchedulerKind::Dpor && args.audit > 0 {
            audit(job, &exploration, args, &mut result);
        }
    }
    result.seconds = started.elapsed().as_secs_f64();
    Some(result)
}

/// What a complete exploration proved: for this program, in this mode, with these seeded bugs,
/// within these limits, over fair schedules.
fn proof_statement(job: &Job) -> String {
    let limits = &job.target.limits;
    let steps = limits.max_steps.map_or("none".to_string(), |n| n.to_string());
    let bugs: String = job.target.bugs.iter().map(|bug| format!(", --inject {bug}")).collect();
    format!(
        "complete: every fair schedule of this program in {} mode{bugs}, --max-steps {steps}, --max-heap {}, --max-recursion {}",
        job.target.mode, limits.max_heap, limits.max_recursion
    )
}

/// `--audit N`: random schedules checked against a complete dpor's outcomes (fair ones: a random
/// schedule may starve a runnable thread with a spin, which `complete` does not cover).
fn audit(job: &Job, exploration: &Exploration, args: &CheckArgs, result: &mut PairResult) {
    let budget = Budget { iterations: args.audit, seed: args.seed, jobs: 1, preemption_bound: None };
    let sample = explorer_for(SchedulerKind::Random).explore(&job.target, &budget, &Stop::Never, &|_| {});
    let missed = sample
        .outcomes
        .iter()
        .find(|(o, _)| !o.kinds.contains(&ViolationKind::StepLimit) && !exploration.outcomes.contains_key(o));
    if let Some((outcome, schedule)) = missed {
        let nearest = exploration.outcomes.values().next();
        let mut text = format!(
            "audit: a random schedule reached {outcome}, which dpor's complete exploration never reached: this is a bug \
             in emlab, please report it with both commands\n  random: {}\n",
            replay_command(job, schedule, args).unwrap_or_default()
        );
        if let Some(s) = nearest.and_then(|s| replay_command(job, s, args)) {
            text += &format!("  dpor (one of its schedules): {s}\n");
        }
        result.verdict = Some(Verdict::Fail);
        result.complete = Some(false);
        result.coverage = Some(format!("audit failed after {} random schedules", sample.schedules));
        result.replay = replay_command(job, schedule, args);
        result.trace = Some(text);
    } else {
        let coverage = result.coverage.take().unwrap_or_default();
        result.coverage = Some(format!("{coverage}; audited by {} random schedules", sample.schedules));
    }
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
    // The progress bar draws on the real stderr when it is a terminal, past the filter (so that
    // clearing it and printing a result line happen in order), and nowhere otherwise.
    let quiet = StderrFilter::install();
    let target = match quiet.progress_terminal() {
        Some(terminal) => ProgressDrawTarget::term_like(terminal),
        None if std::io::IsTerminal::is_terminal(&std::io::stderr()) => ProgressDrawTarget::stderr(),
        None => ProgressDrawTarget::hidden(),
    };
    let progress = ProgressBar::with_draw_target(Some(units.len() as u64), target);
    progress.set_style(
        ProgressStyle::with_template("{bar:30} {pos}/{len} {elapsed} {wide_msg}")
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    // The matrix is printed at the end, unless this is a shard: a shard's results are for merging.
    let per_result = !matrix || args.shard.is_some();
    // Text groups a scenario's results (in one mode) to show one trace per kind of violation
    // found: they are printed when the scenario's last scheduler is done.
    let grouped = per_result && args.format == Format::Text;
    let mut results: Vec<PairResult> = Vec::new();
    let mut group_start = 0;
    let flush = |group: &[PairResult]| {
        if !group.is_empty() {
            progress.suspend(|| print!("{}", report::text_group(group)));
        }
    };
    for unit in units {
        let (job, kind) = pairs[unit.pair];
        if let Some(result) = check_unit(job, kind, unit, args, &progress) {
            if grouped {
                let same = |r: &PairResult| r.scenario == result.scenario && r.mode == result.mode;
                if !results[group_start..].iter().all(same) {
                    flush(&results[group_start..]);
                    group_start = results.len();
                }
            } else if per_result {
                progress.suspend(|| report::print(&result, args.format));
            }
            results.push(result);
        }
        progress.inc(1);
    }
    if grouped {
        flush(&results[group_start..]);
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

#[cfg(test)]
mod tests {
    use super::shell_quote;

    #[test]
    fn paths_are_quoted_only_when_the_shell_would_split_or_expand_them() {
        assert_eq!(shell_quote("suite/eml/a_b-1.py"), "suite/eml/a_b-1.py");
        assert_eq!(shell_quote("my dir/x.py"), "'my dir/x.py'");
        assert_eq!(shell_quote("caf\u{e9}/x.py"), "'caf\u{e9}/x.py'");
        assert_eq!(shell_quote("it's.py"), "'it'\\''s.py'");
        assert_eq!(shell_quote("$HOME*.py"), "'$HOME*.py'");
        assert_eq!(shell_quote(""), "''");
    }
}
