//! Golden test: every program in `vm/tests/programs` behaves under `emlab run` as the expected
//! block at its end says (stdout, exit status, and for `errors/` the last stderr line). The blocks
//! were generated from CPython 3.11, so this test checks emlab against CPython's behaviour on any
//! machine, with no Python installed; `tests/differential.rs` runs CPython itself when it can.

mod common;

use common::{corpus, for_each_program, run_emlab, Golden, MARKER};

#[test]
fn programs_print_their_expected_output() {
    let (root, programs) = corpus();
    let total = programs.len();
    let failures = for_each_program(programs, |file, is_error| {
        let name = file.strip_prefix(&root).unwrap_or(file).display().to_string();
        let source = std::fs::read_to_string(file).unwrap_or_else(|e| panic!("cannot read {name}: {e}"));
        let golden = match Golden::parse(&source) {
            Ok(Some(golden)) => golden,
            Ok(None) => {
                return Some(format!(
                    "{name}: no expected block; generate it from CPython 3.11 with \
                     `EMLAB_BLESS=1 cargo test -p emlab --test differential`"
                ))
            }
            Err(e) => return Some(format!("{name}: {e}")),
        };
        let mut problems = Vec::new();
        if is_error != (golden.exit == 1 && golden.stderr_ends.is_some()) {
            problems.push(format!("the block says exit {}, but the program is in errors/ = {is_error}", golden.exit));
        }
        problems.extend(golden.differences(&run_emlab(file)));
        (!problems.is_empty()).then(|| format!("{name}:\n    {}\n", problems.join("\n    ")))
    });
    assert!(
        failures.is_empty(),
        "{} of {total} programs differ from their expected block:\n\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn every_block_sits_at_the_end_of_its_program() {
    let (_, programs) = corpus();
    for (file, _) in programs {
        let source = std::fs::read_to_string(&file).unwrap();
        assert_eq!(source.matches(MARKER).count(), 1, "{}", file.display());
    }
}

#[test]
fn golden_blocks_round_trip() {
    let golden = Golden { exit: 1, stderr_ends: Some("KeyError: 'x'".into()), stdout: "a\n\n  b\n".into() };
    let source = golden.write_into("print(1)\n");
    assert!(source.starts_with("print(1)\n# --- expected"));
    assert_eq!(Golden::parse(&source), Ok(Some(golden.clone())));
    // Writing again replaces the block instead of adding a second one.
    let again = Golden { exit: 0, stderr_ends: None, stdout: String::new() };
    let source = again.write_into(&source);
    assert_eq!(source.matches(MARKER).count(), 1);
    assert_eq!(Golden::parse(&source), Ok(Some(again)));
    assert_eq!(Golden::parse("print(1)\n"), Ok(None));
    assert!(Golden::parse(&format!("x\n{MARKER}\n# stdout:\nno bar\n")).is_err());
}
