//! The `program` fuzz target's decoding and oracle, without libFuzzer: its committed seeds
//! and arbitrary inputs pass with no seeded bug, and a seeded bug makes some inputs fail.

use emlab::generate::fuzzcase::FuzzCase;
use emlab::generate::seed_bytes;
use emlab_vm::{Bug, Bugs};
use std::path::PathBuf;

fn seeds() -> Vec<Vec<u8>> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../fuzz/seeds/program");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()).collect();
    files.sort();
    assert!(files.len() >= 4, "the committed seed corpus is in {}", dir.display());
    files.iter().map(|f| std::fs::read(f).unwrap()).collect()
}

#[test]
fn committed_seeds_and_arbitrary_inputs_pass_with_no_seeded_bug() {
    let mut inputs = seeds();
    inputs.extend((0..40).map(|i| seed_bytes(77, i, 300 + 40 * i as usize)));
    inputs.push(Vec::new());
    for data in &inputs {
        let case = FuzzCase::decode(data);
        let schedules = case.check(Bugs::none()).unwrap_or_else(|finding| panic!("{finding}"));
        assert!(schedules >= 1);
    }
}

#[test]
fn a_seeded_bug_is_a_finding_for_some_inputs() {
    let inputs: Vec<Vec<u8>> = (0..40).map(|i| seed_bytes(78, i, 2000)).collect();
    let found =
        inputs.iter().filter(|d| FuzzCase::decode(d).check(Bugs::none().with(Bug::EmlNoDetach)).is_err()).count();
    assert!(found >= 1, "eml-no-detach revealed by none of 40 inputs");
}
