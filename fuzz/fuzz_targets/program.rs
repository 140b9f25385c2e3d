//! A generated multi-threaded program (emlab's generator, driven by the input) explored under
//! a few shuttle schedules (random and PCT, seeded from the input), in eml or gil mode.
//!
//! Oracles: never a vm-panic; with no seeded bug, no violation of any kind (atomicity,
//! use-after-free, leak, outside-eml, deadlock, or a failed assertion of the program's
//! invariants: generated programs are valid under every correct interleaving).
//! `EMLAB_FUZZ_INJECT=<bug>` switches a seeded bug on: then any violation is a crash, which
//! measures how fast the fuzzer reveals that bug. Triage a crash with
//! `emlab generate --from-fuzz ARTIFACT DIR` (see the README).
#![no_main]

use emlab::generate::fuzzcase::FuzzCase;
use emlab_vm::{Bug, Bugs};
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

fn bugs() -> Bugs {
    static BUGS: OnceLock<Bugs> = OnceLock::new();
    *BUGS.get_or_init(|| match std::env::var("EMLAB_FUZZ_INJECT") {
        Ok(name) if !name.is_empty() => {
            let bug: Bug = name.parse().unwrap_or_else(|e| panic!("EMLAB_FUZZ_INJECT: {e}"));
            Bugs::none().with(bug)
        }
        _ => Bugs::none(),
    })
}

fuzz_target!(|data: &[u8]| {
    let case = FuzzCase::decode(data);
    if let Err(finding) = case.check(bugs()) {
        panic!("{finding}");
    }
});
