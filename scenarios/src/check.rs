//! `emlab check`: explore every scenario under every scheduler and judge it against its
//! expectation.

use crate::cli::{CheckArgs, Format};
use crate::exit;
use crate::report::{self, PairResult, Verdict};
use crate::scenario::{discover, Expectation, Scenario};
use emlab_scheduler::{explorer_for, minimize, Budget, Exploration, SchedulerKind, Stop, Target};
use emlab_vm::{compile_source, Limits, ViolationKind};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::path::PathBuf;
use std::time::{Duration, Instant};

/// Where the bundled suite lives in a checkout.
pub fn bundled_suite() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("suite")
}

/// Schedules per scheduler when neither the command line nor the scenario says.
fn default_iterations(kind: SchedulerKind) -> usize {
    match kind {
        SchedulerKind::Random | SchedulerKind::Pct => 1000,
        SchedulerKind::Dfs => 2000,
        SchedulerKind::Loom => 20_000,
        SchedulerKind::Os => 100,
    }
}

/// One scenario to check, with the command line's overrides applied.
struct Job {
    scenario: Scenario,
    target: Target,
    expect: Expectation,
    schedulers: Vec<SchedulerKind>,
}

fn load_jobs(args: &CheckArgs) -> Result<Vec<Job>, String> {
    let paths = if args.paths.is_empty() { vec![bundled_suite()] } else { args.paths.clone() };
    let found = discover(&paths).map_err(|e| e.to_string())?;
    if found.is_empty() {
        return Err(format!("emlab: no scenarios (*.py) found in {}", display_paths(&paths)));
    }
    let mut jobs = Vec::new();
    for (path, name) in found {
        let scenario = Scenario::load(&path, &name).map_err(|e| e.to_string())?;
        let program = compile_source(&scenario.source, &path.display().to_string())
            .map_err(|e| crate::diagnostics::render_syntax_error(&path.display().to_string(), &scenario.source, &e))?;
        let mode = args.vm.mode.unwrap_or(scenario.mode);
        let bugs = if args.vm.inject.is_empty() {
            scenario.bugs.iter().copied().collect()
        } else {
            args.vm.inject.iter().copied().collect()
        };
        let target = Target::new(&name, program, mode, bugs).with_limits(args.vm.limits(Limits::for_checking()));
        let expect = args.expect.clone().unwrap_or_else(|| scenario.expect.clone());
        let schedulers = if args.scheduler.is_empty() { scenario.schedulers.clone() } else { args.scheduler.clone() };
        jobs.push(Job { scenario, target, expect, schedulers });
    }
    Ok(jobs)
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

/// Explores on a thread of its own and waits at most `timeout`; None when the time ran out. The
/// target's deadline makes an abandoned exploration's runs stop at their next step.
fn explore_within(
    target: &Target,
    kind: SchedulerKind,
    budget: &Budget,
    stop: &Stop,
    timeout: Duration,
    progress: &ProgressBar,
    name: &str,
) -> Option<Exploration> {
    let bounded = with_deadline(target, timeout);
    let (owned_budget, owned_stop, progress, label) =
        (budget.clone(), stop.clone(), progress.clone(), name.to_string());
    let (sender, receiver) = std::sync::mpsc::channel();
    let explore = move || {
        let exploration = explorer_for(kind).explore(&bounded, &owned_budget, &owned_stop, &|n| {
            if n % 16 == 0 {
                progress.set_message(format!("{label} [{kind}] {n} schedules"));
            }
        });
        let _ = sender.send(exploration);
    };
    // The thread is detached: past the timeout nobody waits for it.
    match std::thread::Builder::new().name(format!("emlab-check-{kind}")).stack_size(8 << 20).spawn(explore) {
        Ok(_) => match receiver.recv_timeout(timeout) {
            Ok(exploration) => Some(exploration),
            Err(std::sync::mpsc::RecvTimeoutError::Timeout) => None,
            // The explorer itself panicked (its runs' panics are caught): a bug in emlab.
            Err(std::sync::mpsc::RecvTimeoutError::Disconnected) => {
                Some(Exploration { found: vec![ViolationKind::VmPanic], ..Exploration::default() })
            }
        },
        Err(e) => {
            eprintln!("emlab: cannot start a thread to explore {name} ({e}): exploring without --timeout");
            Some(explorer_for(kind).explore(target, budget, stop, &|_| {}))
        }
    }
}

fn check_pair(job: &Job, kind: SchedulerKind, args: &CheckArgs, progress: &ProgressBar) -> PairResult {
    let started = Instant::now();
    let iterations = args.iterations.or(job.scenario.iterations).unwrap_or_else(|| default_iterations(kind));
    let budget = Budget { iterations, seed: args.seed, jobs: args.jobs.max(1) };
    let stop = match &job.expect {
        Expectation::Pass => Stop::FirstViolation,
        Expectation::Violation(kinds) => Stop::OnKinds(kinds.clone()),
    };
    progress.set_message(format!("{} [{kind}]", job.scenario.name));
    let timeout = Duration::from_secs(args.timeout as u64);
    let Some(exploration) = explore_within(&job.target, kind, &budget, &stop, timeout, progress, &job.scenario.name)
    else {
        return PairResult {
            scenario: job.scenario.name.clone(),
            path: job.scenario.path.clone(),
            scheduler: kind,
            schedules: 0,
            expected: job.expect.to_string(),
            found: Vec::new(),
            verdict: Verdict::Timeout,
            replay: None,
            seconds: started.elapsed().as_secs_f64(),
            skipped: Some(format!("no verdict within --timeout {}s", args.timeout)),
            trace: None,
            shrink: None,
        };
    };
    let verdict = match (&exploration.skipped, &job.expect) {
        (Some(_), _) => Verdict::Skipped,
        (None, Expectation::Pass) if exploration.found.is_empty() => Verdict::Pass,
        (None, Expectation::Violation(kinds))
            if exploration.found.iter().any(|k| kinds.contains(k))
                && !exploration.found.contains(&ViolationKind::VmPanic) =>
        {
            Verdict::Pass
        }
        _ => Verdict::Fail,
    };
    let mut result = PairResult {
        scenario: job.scenario.name.clone(),
        path: job.scenario.path.clone(),
        scheduler: kind,
        schedules: exploration.schedules,
        expected: job.expect.to_string(),
        found: exploration.found.clone(),
        verdict,
        replay: None,
        seconds: 0.0,
        skipped: exploration.skipped.clone(),
        trace: None,
        shrink: None,
    };
    if let Some(first) = &exploration.first {
        let kind_of_interest = first.violations.iter().map(|v| v.kind).next().unwrap_or(ViolationKind::VmPanic);
        let left = Duration::from_secs(args.timeout as u64).saturating_sub(started.elapsed());
        let budget = left.min(Duration::from_secs(MINIMIZE_SECONDS));
        let minimized = if verdict == Verdict::Fail && !args.no_minimize {
            minimize_within(&job.target, first, kind_of_interest, budget)
        } else {
            None
        };
        let shown = match minimized {
            Some(minimized) => {
                result.shrink =
                    Some(report::Shrink { before: minimized.before, after: minimized.after, replays: minimized.runs });
                minimized.report
            }
            None => first.clone(),
        };
        result.replay = replay_command(job, &shown.schedule, args);
        let header = format!(
            "scenario: {}  mode: {}  scheduler: {kind}  seed: {}",
            job.scenario.name, job.target.mode, args.seed
        );
        let violation = shown.violations.iter().find(|v| v.kind == kind_of_interest);
        result.trace = Some(shown.render(&header, violation));
    }
    result.seconds = started.elapsed().as_secs_f64();
    result
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
    let total: usize = jobs.iter().map(|j| j.schedulers.len()).sum();
    let progress = ProgressBar::with_draw_target(Some(total as u64), ProgressDrawTarget::stderr());
    if !std::io::IsTerminal::is_terminal(&std::io::stderr()) {
        progress.set_draw_target(ProgressDrawTarget::hidden());
    }
    progress.set_style(
        ProgressStyle::with_template("{bar:30} {pos}/{len} {elapsed} {wide_msg}")
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    let mut results = Vec::new();
    for job in &jobs {
        for &kind in &job.schedulers {
            let result = check_pair(job, kind, args, &progress);
            progress.suspend(|| report::print(&result, args.format));
            progress.inc(1);
            results.push(result);
        }
    }
    progress.finish_and_clear();
    let failed = results.iter().filter(|r| matches!(r.verdict, Verdict::Fail | Verdict::Timeout)).count();
    if args.format == Format::Text {
        report::print_summary(&results);
    }
    if failed == 0 {
        exit::OK
    } else {
        exit::PROGRAM_ERROR
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
