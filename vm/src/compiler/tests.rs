use crate::bytecode::Op;
use crate::compile_source;

fn ops_of(source: &str, function: usize) -> Vec<Op> {
    compile_source(source, "t.py").unwrap().codes[function].ops.clone()
}

#[test]
fn function_locals_are_slots_and_other_names_are_globals() {
    let ops = ops_of("def f(a):\n    b = a\n    return c\n", 1);
    assert!(ops.contains(&Op::LoadLocal { slot: 0 }));
    assert!(ops.contains(&Op::StoreLocal { slot: 1 }));
    assert!(ops.iter().any(|op| matches!(op, Op::LoadGlobal { .. })));
}

#[test]
fn global_declaration_makes_assignment_global() {
    let ops = ops_of("n = 0\ndef f():\n    global n\n    n = 1\n", 1);
    assert!(ops.iter().any(|op| matches!(op, Op::StoreGlobal { .. })));
    assert!(!ops.iter().any(|op| matches!(op, Op::StoreLocal { .. })));
}

#[test]
fn loops_close_with_a_safepoint_backedge() {
    let ops = ops_of("while True:\n    pass\n", 0);
    assert!(ops.iter().any(|op| matches!(op, Op::Loop { target: 0 })));
}

#[test]
fn break_inside_for_pops_the_iterator_and_exits_withs() {
    let ops = ops_of("l = Lock()\nfor x in [1]:\n    with l:\n        break\n", 0);
    let exit = ops.iter().position(|op| *op == Op::WithEnd).unwrap();
    assert_eq!(ops[exit + 1], Op::Pop);
}

#[test]
fn return_and_break_outside_their_context_are_errors() {
    assert!(compile_source("return 1\n", "t.py").unwrap_err().message.contains("outside function"));
    assert!(compile_source("break\n", "t.py").is_err());
    assert!(compile_source("def f(a, a):\n    pass\n", "t.py").unwrap_err().message.contains("duplicate argument"));
}
