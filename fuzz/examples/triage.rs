//! Prints what one fuzz input means, for triage: `cargo run --example triage -- ARTIFACT
//! [program|schedule]` prints the generated scenario and its explorations (`program`), or the
//! scenario and readable schedule a `schedule` input stands for, with the replay command.

use emlab::generate::fuzzcase::FuzzCase;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let Some(path) = args.get(1) else {
        eprintln!("usage: triage ARTIFACT [program|schedule]");
        std::process::exit(2);
    };
    let data = std::fs::read(path).unwrap_or_else(|e| panic!("cannot read {path}: {e}"));
    match args.get(2).map(String::as_str).unwrap_or("program") {
        "program" => {
            let case = FuzzCase::decode(&data);
            print!("{}", case.scenario);
            for run in &case.runs {
                println!(
                    "# explored with: --scheduler {} --seed {} --iterations {} --mode {}",
                    run.scheduler, run.seed, run.iterations, run.mode
                );
            }
        }
        "schedule" => {
            let root = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../scenarios/suite");
            // As the target does: EMLAB_FUZZ_SCENARIO pins one scenario.
            let only = std::env::var("EMLAB_FUZZ_SCENARIO").ok().filter(|s| !s.is_empty());
            let mut suite = emlab::scenario::discover(&[root]).expect("the bundled suite is readable");
            suite.retain(|(_, name)| only.as_ref().is_none_or(|o| o == name));
            assert!(!suite.is_empty(), "EMLAB_FUZZ_SCENARIO names no bundled scenario");
            let Some((&pick, bytes)) = data.split_first() else { return };
            let (path, name) = &suite[pick as usize % suite.len()];
            let scenario = emlab::scenario::Scenario::load(path, name).expect("bundled scenarios parse");
            let program = emlab_vm::compile_source(&scenario.source, name).expect("bundled scenarios compile");
            let target =
                emlab_scheduler::Target::new(name, program, scenario.mode, scenario.bugs.iter().copied().collect());
            let report = emlab_scheduler::fuzzed::run_bytes(&target, bytes);
            println!("scenario: {name}");
            println!("violations: {:?}", report.violations);
            println!("emlab replay {} --schedule {} --mode {}", path.display(), report.schedule, target.mode);
        }
        other => {
            eprintln!("unknown target '{other}': program or schedule");
            std::process::exit(2);
        }
    }
}
