//! Fused instructions (`Program::fuse`, `VmConfig::fused_instructions`): a program runs the same
//! with them as without, to the output, the error, the line of every traceback frame and the
//! number of instructions counted against `--max-steps`.

use emlab_vm::bytecode::Op;
use emlab_vm::platform::Native;
use emlab_vm::{compile_source, RunOutcome, Vm, VmConfig};
use std::path::Path;

fn config(fused: bool) -> VmConfig {
    VmConfig { capture_output: true, print_errors: false, fused_instructions: fused, ..VmConfig::default() }
}

fn run_with(source: &str, config: VmConfig) -> RunOutcome {
    let program = compile_source(source, "fused.py").expect("compiles");
    Vm::<Native>::new(program, config).expect("starts").run()
}

/// What a run shows: its output, and each uncaught error with the lines of its traceback.
fn observed(outcome: &RunOutcome) -> (String, Vec<(String, Vec<u32>)>) {
    let errors = outcome
        .uncaught
        .iter()
        .map(|u| (u.exception.to_string(), u.traceback.iter().map(|frame| frame.line).collect()))
        .collect();
    (outcome.output.clone(), errors)
}

fn same_either_way(name: &str, source: &str) {
    let fused = observed(&run_with(source, config(true)));
    let plain = observed(&run_with(source, config(false)));
    assert_eq!(fused, plain, "{name}");
}

#[test]
fn every_golden_program_runs_the_same_fused_and_unfused() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/programs");
    let mut files = Vec::new();
    for dir in [root.clone(), root.join("errors")] {
        for entry in std::fs::read_dir(&dir).expect("the golden programs are there") {
            let path = entry.expect("a directory entry").path();
            if path.extension().is_some_and(|e| e == "py") {
                files.push(path);
            }
        }
    }
    assert!(files.len() > 70, "only {} golden programs found", files.len());
    for file in files {
        let source = std::fs::read_to_string(&file).expect("readable");
        same_either_way(&file.display().to_string(), &source);
    }
}

/// Runs whose first instruction is a jump target, jumps into the middle of a run (the `else` of
/// a conditional expression ends where its operator is), errors inside each kind of run, and
/// operands that are not ints.
const RUNS: &str = "\
def f(x, c):
    a = x + (1 if c else 2)
    b = (1 if c else 2) < 3
    if (x if c else 5) < 4:
        a += 10
    n = 0
    while n < 3:
        n += 1
    return a, b, n
print(f(1, True), f(1, False), f(7, True))
s = 'ab'
s += 'cd'
print(s * 2, [1] + [2], 'x' < 'y')
t = [0]
t += [1]
print(t)
def g(v):
    if v < 2:
        return v
    return v - 1
print(g(1), g(5))
print(g('a'))
";

#[test]
fn fused_runs_behave_as_the_instructions_they_stand_for() {
    let outcome = run_with(RUNS, config(true));
    assert_eq!(outcome.output, "(12, True, 3) (3, True, 3) (8, True, 3)\nabcdabcd [1, 2] True\n[0, 1]\n1 4\n");
    let error = &outcome.uncaught[0];
    assert_eq!(error.exception.to_string(), "TypeError: '<' not supported between instances of 'str' and 'int'");
    assert_eq!(error.traceback.iter().map(|frame| frame.line).collect::<Vec<_>>(), [22, 18]);
    same_either_way("RUNS", RUNS);
    for (source, line) in
        [("x = 'a'\ny = x - 1\n", 2), ("x = [1]\nx += 2\n", 2), ("x = None\nif x > 1:\n    pass\n", 2)]
    {
        let fused = run_with(source, config(true));
        assert_eq!(fused.uncaught[0].traceback.last().map(|frame| frame.line), Some(line), "{source}");
        same_either_way(source, source);
    }
}

#[test]
fn the_program_has_fused_instructions_in_place_of_their_runs() {
    let mut program = compile_source(RUNS, "fused.py").expect("compiles");
    let original = program.clone();
    program.fuse();
    let mut fused = 0;
    for (code, before) in program.codes.iter().zip(&original.codes) {
        assert_eq!(code.lines, before.lines, "lines stay");
        assert_eq!(code.ops.len(), before.ops.len(), "no instruction moves");
        for (at, op) in code.ops.iter().enumerate() {
            if op.width() > 1 {
                fused += 1;
                // The rest of the run stays, fused or not, for a jump into its middle.
                assert!(before.ops[at + 1..at + op.width()].iter().all(|o| o.width() == 1));
            } else {
                assert_eq!(*op, before.ops[at]);
            }
        }
    }
    assert!(fused >= 8, "{fused} fused instructions");
    let f = &program.codes.iter().find(|c| c.name == "g").expect("g is compiled").ops;
    assert!(matches!(f[1], Op::CompareSmallIntJumpIfFalse { value: 2, .. }), "{f:?}");
    assert!(f.iter().any(|op| matches!(op, Op::BinarySmallInt { value: 1, .. })), "{f:?}");
}

#[test]
fn a_fused_instruction_counts_every_instruction_it_stands_for() {
    let source = "n = 0\nwhile n < 50:\n    n += 1\n";
    // With a switch interval of 1 every instruction is counted as it runs: find the fewest
    // steps the unfused program needs, and check the fused one needs exactly as many.
    let budget = |steps: u64, fused: bool| {
        let mut config = config(fused);
        config.switch_interval = 1;
        config.limits.max_steps = Some(steps);
        run_with(source, config).uncaught.is_empty()
    };
    let needed = (1..10_000).find(|&steps| budget(steps, false)).expect("the loop ends");
    assert!(needed > 200, "{needed}");
    assert!(budget(needed, true));
    assert!(!budget(needed - 1, true));
}
