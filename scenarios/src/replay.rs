//! `emlab replay`: rerun one schedule and print its trace.

use crate::cli::ReplayArgs;
use crate::exit;
use crate::run::{load_program, Loaded};
use crate::scenario::Scenario;
use crate::stderr_filter::StderrFilter;
use emlab_scheduler::{replay, Schedule, Target};

/// Runs `emlab replay`; exit 0 when the schedule shows no violation, 1 when it does, 2 on bad input.
pub fn run(args: &ReplayArgs) -> i32 {
    let schedule: Schedule = match args.schedule.parse() {
        Ok(s) => s,
        Err(e) => {
            eprintln!("emlab: {e}");
            return exit::USAGE;
        }
    };
    let Loaded { file, source, program } = match load_program(&args.file) {
        Ok(loaded) => loaded,
        Err(code) => return code,
    };
    // A scenario's directives apply (its mode, its seeded bugs) unless overridden; a plain
    // program runs in the default mode.
    let (mode, bugs) = match Scenario::parse(&args.file, &file, &source) {
        Ok(s) => (s.mode, s.bugs),
        Err(_) => (emlab_vm::Mode::default(), Vec::new()),
    };
    let mode = match args.vm.single_mode() {
        Ok(chosen) => chosen.unwrap_or(mode),
        Err(message) => {
            eprintln!("{message}");
            return exit::USAGE;
        }
    };
    let bugs = if args.vm.inject.is_empty() { bugs } else { args.vm.inject.clone() };
    let target = Target::new(&file, program, mode, bugs.into_iter().collect())
        .with_limits(args.vm.limits(emlab_vm::Limits::for_checking()));
    let quiet = StderrFilter::install();
    let replayed = replay(&target, &schedule);
    drop(quiet);
    match replayed {
        Ok(report) => {
            let header = format!("scenario: {file}  mode: {mode}  replay");
            let violation = report.violations.first();
            print!("{}", report.render(&header, violation, &target.program.source));
            if let Some(path) = &args.html {
                let view = crate::html::TraceView::new("replayed", &header, &target, &report, violation);
                let facts = [("schedule", schedule.to_string()), ("mode", mode.to_string())];
                let page = crate::html::trace_page(&file, &facts, None, &[view]);
                if let Err(e) = std::fs::write(path, page) {
                    eprintln!("emlab: cannot write {}: {e}", path.display());
                    return exit::USAGE;
                }
            }
            if report.violations.is_empty() {
                exit::OK
            } else {
                for v in &report.violations[1..] {
                    println!("also: {v}");
                }
                exit::PROGRAM_ERROR
            }
        }
        Err(e) => {
            eprintln!("emlab: {e}");
            exit::USAGE
        }
    }
}
