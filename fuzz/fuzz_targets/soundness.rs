//! `soundness`: a generated program; `dpor` to completion; then the unreduced and randomized
//! references. An outcome they reach that a complete `dpor` did not, or a `dpor` outcome whose
//! schedule does not replay, is a crash; the program is saved as a scenario under
//! `fuzz/artifacts/soundness/` (and libFuzzer keeps the input).
#![no_main]

use emlab_scheduler::oracle::{self, programs, OracleBudget};
use emlab_scheduler::Target;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let g = programs::generate(&mut programs::FromBytes(data));
    let Ok(program) = emlab_vm::compile_source(&g.source, "soundness.py") else {
        panic!("a generated program does not compile:\n{}", g.source);
    };
    let target = Target::new("soundness.py", program, g.mode, emlab_vm::Bugs::none());
    // Small enough that one input stays within a few seconds even when its program runs much library
    // code (a thread pool, `import concurrent.futures`): at 2,000 executions single inputs took 12
    // and 24 s, and the CI smoke run went 50 s past its 20.
    let budget = OracleBudget { dpor: 500, exhaustive: 1_000, random: 100, pct: 100, dfs: 100, seed: 1 };
    let Some(comparison) = oracle::compare(&target, g.spins, &budget) else { return };
    if !comparison.agrees() {
        let scenario = format!("# expect: pass\n# mode: {}\n{}", g.mode, g.source);
        let dir = std::path::Path::new("fuzz/artifacts/soundness");
        let _ = std::fs::create_dir_all(dir);
        let name = format!("disagreement-{:016x}.py", fxhash(data));
        let _ = std::fs::write(dir.join(&name), &scenario);
        panic!(
            "dpor disagrees with its references (saved as {name}):\n{}\n{scenario}",
            comparison.describe(&name, g.mode)
        );
    }
});

/// A stable name for the input (FNV-1a).
fn fxhash(data: &[u8]) -> u64 {
    data.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3))
}
