//! The program generator: structured, always-valid multi-threaded programs for swarm testing
//! (`emlab generate`) and for the `program` fuzz target.
//!
//! A generated program uses a random subset of the language and of the bundled modules
//! (functions, bounded loops, lists, dicts, tuples, strs, `spawn`/`join`, `Lock` with `with`,
//! every extension module, callbacks into generated functions, `gc.collect()`), built so that
//! under every correct interleaving it raises nothing, never deadlocks and ends well within
//! the checker's step budget. It ends with assertions that only a broken VM can fail: the
//! bank's total is unchanged, counters equal the number of increments, the shared list has
//! every append. So `# expect: pass` is its contract, and a finding is a scenario file that
//! can join the suite as it is.
//!
//! ```
//! let text = emlab::generate::scenario_from_seed(1, 0, &emlab::generate::Options::default());
//! assert!(text.starts_with("# show: generated"));
//! emlab_vm::compile_source(&text, "gen.py").unwrap();
//! ```
//!
//! Choices come from a [`Dice`]: fuzz bytes (`arbitrary::Unstructured`) or, for a seed,
//! SplitMix64 bytes ([`seed_bytes`]), so program `i` of seed `s` is always the same text.

mod body;
pub mod command;
mod dice;
mod expr;
pub mod fuzzcase;
mod model;
mod program;

pub use dice::{seed_bytes, Dice};
pub use model::Features;
pub use program::Program;

use emlab_vm::Mode;

/// What to generate.
#[derive(Debug, Clone)]
pub struct Options {
    /// Most worker threads the main thread spawns (workers may spawn one more level); 0 makes
    /// single-threaded programs whose output is deterministic.
    pub threads: usize,
    /// The mode to write in `# mode:`; None picks one per program (mostly eml, some gil).
    pub mode: Option<Mode>,
    /// The `# schedulers:` line.
    pub schedulers: String,
}

impl Default for Options {
    fn default() -> Self {
        Options { threads: 3, mode: None, schedulers: "random pct".into() }
    }
}

/// Bytes of seed input per program: far more than a program consumes.
const SEED_BYTES: usize = 16 * 1024;

/// Generates one program from fuzz input (or any bytes).
pub fn program(u: arbitrary::Unstructured, options: &Options) -> Program {
    let mut dice = Dice::new(u);
    program::program(&mut dice, options.threads, options.mode)
}

/// The scenario file text of `program`: directives, then the program.
pub fn scenario_text(program: &Program, origin: &str, options: &Options) -> String {
    let f = &program.features;
    let threads = if f.workers == 0 { "single-threaded".to_string() } else { format!("{} workers", f.workers) };
    let uses = if program.modules.is_empty() { "no modules".to_string() } else { program.modules.join(" ") };
    format!(
        "# show: generated ({origin}): {threads}, {uses}\n# expect: pass\n# mode: {}\n# schedulers: {}\n{}",
        f.mode, options.schedulers, program.body
    )
}

/// The scenario text of program `index` of `seed`.
pub fn scenario_from_seed(seed: u64, index: u64, options: &Options) -> String {
    let bytes = seed_bytes(seed, index, SEED_BYTES);
    let p = program(arbitrary::Unstructured::new(&bytes), options);
    scenario_text(&p, &format!("seed {seed} #{index}"), options)
}

#[cfg(test)]
mod tests;
