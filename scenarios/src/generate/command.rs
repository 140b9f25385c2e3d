//! `emlab generate`: write generated scenarios to a directory, or turn a fuzz input back into
//! the scenario and the check command that reproduce it.

use super::fuzzcase::FuzzCase;
use super::{scenario_from_seed, Options};
use crate::exit;
use emlab_vm::Mode;
use std::path::PathBuf;

#[derive(Debug, clap::Args)]
pub struct GenerateArgs {
    /// Directory to write `gen_SEED_NNNN.py` files into (created if missing).
    pub dir: PathBuf,
    /// Seed: the same seed always writes the same files.
    #[arg(long, default_value_t = 0)]
    pub seed: u64,
    /// How many scenarios to write.
    #[arg(long, default_value_t = 100, value_name = "N")]
    pub count: u64,
    /// Most worker threads per program; 0 writes single-threaded programs with deterministic output.
    #[arg(long, default_value_t = 3, value_name = "K")]
    pub threads: usize,
    /// Write this mode in every scenario's `# mode:` (default: mostly eml, some gil and gil-on-import).
    #[arg(long, value_name = "MODE")]
    pub mode: Option<Mode>,
    /// Instead of seeds, decode one input of the `program` fuzz target (a crash artifact or a corpus
    /// file): write its scenario to DIR and print the command that checks it the same way.
    #[arg(long, value_name = "ARTIFACT")]
    pub from_fuzz: Option<PathBuf>,
}

/// Runs `emlab generate`; returns the exit code.
pub fn generate(args: &GenerateArgs) -> i32 {
    if let Err(e) = std::fs::create_dir_all(&args.dir) {
        eprintln!("emlab: cannot create {}: {e}", args.dir.display());
        return exit::USAGE;
    }
    if let Some(artifact) = &args.from_fuzz {
        return from_fuzz(artifact, args);
    }
    let options = Options { threads: args.threads, mode: args.mode, ..Options::default() };
    for index in 0..args.count {
        let text = scenario_from_seed(args.seed, index, &options);
        let path = args.dir.join(format!("gen_{}_{index:04}.py", args.seed));
        if let Err(e) = std::fs::write(&path, text) {
            eprintln!("emlab: cannot write {}: {e}", path.display());
            return exit::USAGE;
        }
    }
    println!("wrote {} scenarios to {}", args.count, args.dir.display());
    exit::OK
}

fn from_fuzz(artifact: &PathBuf, args: &GenerateArgs) -> i32 {
    let data = match std::fs::read(artifact) {
        Ok(data) => data,
        Err(e) => {
            eprintln!("emlab: cannot read {}: {e}", artifact.display());
            return exit::USAGE;
        }
    };
    let case = FuzzCase::decode(&data);
    let stem = artifact.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| "fuzz".into());
    let stem: String = stem.chars().map(|c| if c.is_ascii_alphanumeric() { c } else { '_' }).collect();
    let path = args.dir.join(format!("{stem}.py"));
    if let Err(e) = std::fs::write(&path, &case.scenario) {
        eprintln!("emlab: cannot write {}: {e}", path.display());
        return exit::USAGE;
    }
    println!("wrote {}", path.display());
    let inject = std::env::var("EMLAB_FUZZ_INJECT").ok().filter(|s| !s.is_empty());
    for run in &case.runs {
        let mut cmd = format!(
            "emlab check {} --scheduler {} --seed {} --iterations {} --mode {}",
            path.display(),
            run.scheduler,
            run.seed,
            run.iterations,
            run.mode
        );
        if let Some(bug) = &inject {
            cmd.push_str(&format!(" --inject {bug}"));
        }
        println!("{cmd}");
    }
    exit::OK
}
