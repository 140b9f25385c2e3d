//! Runs the soundness oracle on generated programs: `dpor` against unreduced and randomized search.
//!
//! ```text
//! cargo run --release -p emlab-scheduler --example soundness -- [FIRST_SEED] [COUNT] [EXHAUSTIVE] [SAMPLES]
//! ```
//!
//! Prints each program where they disagree (with replay commands) and a summary line; exits 1 if
//! any disagreed. With a file instead (`-- prog.py`, its mode from a `# mode:` line), compares
//! that program alone.

use emlab_scheduler::oracle::{self, programs};
use emlab_scheduler::Target;

fn main() {
    if let Some(path) = std::env::args().nth(1).filter(|a| a.ends_with(".py")) {
        let source = std::fs::read_to_string(&path).expect("a readable program");
        let mode = source
            .lines()
            .find_map(|l| l.strip_prefix("# mode:"))
            .map(|m| m.trim().parse().expect("a mode"))
            .unwrap_or(emlab_vm::Mode::Eml);
        let program = emlab_vm::compile_source(&source, &path).expect("the program compiles");
        let target = Target::new(&path, program, mode, emlab_vm::Bugs::none());
        let Some(c) = oracle::compare(&target, false, &oracle::OracleBudget::default()) else {
            println!("{path}: dpor did not finish");
            std::process::exit(1);
        };
        println!(
            "dpor {} executions, {} outcomes; the references {} outcomes (unreduced search complete: {})",
            c.dpor.schedules,
            c.dpor.outcomes.len(),
            c.reference.outcomes.len(),
            c.reference_complete
        );
        if !c.agrees() {
            println!("{}", c.describe(&path, mode));
            std::process::exit(1);
        }
        return;
    }
    let args: Vec<u64> = std::env::args().skip(1).map(|a| a.parse().expect("a number")).collect();
    let first = args.first().copied().unwrap_or(0);
    let count = args.get(1).copied().unwrap_or(200);
    // Optional: the unreduced search's budget, and each randomized reference's.
    let mut budget = oracle::OracleBudget::default();
    if let Some(&n) = args.get(2) {
        budget.exhaustive = n as usize;
    }
    if let Some(&n) = args.get(3) {
        (budget.random, budget.pct, budget.dfs) = (n as usize, n as usize, n as usize);
    }
    let (mut compared, mut exhaustive, mut unfinished, mut bad, mut executions) = (0, 0, 0, 0, 0);
    for seed in first..first + count {
        let started = std::time::Instant::now();
        let g = programs::generate(&mut programs::Seeded::new(seed));
        let program = emlab_vm::compile_source(&g.source, "gen.py").expect("generated programs compile");
        let target = Target::new("gen.py", program, g.mode, emlab_vm::Bugs::none());
        let file = std::env::temp_dir().join(format!("gen-{seed}.py"));
        let file = file.display().to_string();
        let Some(c) = oracle::compare(&target, g.spins, &budget) else {
            unfinished += 1;
            std::fs::write(&file, format!("# expect: pass\n# mode: {}\n{}", g.mode, g.source)).expect("write");
            println!("seed {seed}: dpor did not finish ({}): {file}", g.mode);
            continue;
        };
        compared += 1;
        if std::env::var_os("EMLAB_ORACLE_TIMES").is_some() {
            println!("seed {seed}: {:.2}s, dpor {} executions", started.elapsed().as_secs_f64(), c.dpor.schedules);
        }
        exhaustive += usize::from(c.reference_complete);
        executions += c.dpor.schedules;
        if !c.agrees() {
            bad += 1;
            std::fs::write(&file, format!("# expect: pass\n# mode: {}\n{}", g.mode, g.source)).expect("write");
            println!("seed {seed} ({}), dpor {} executions:\n{}", g.mode, c.dpor.schedules, c.describe(&file, g.mode));
        }
    }
    println!(
        "{compared} compared ({exhaustive} against a finished unreduced search), {unfinished} unfinished, {bad} disagreed, {executions} dpor executions"
    );
    std::process::exit(i32::from(bad > 0));
}
