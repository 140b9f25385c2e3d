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
fn yield_in_a_comprehension_is_an_error_and_a_yield_makes_a_generator_function() {
    let message = |source: &str| compile_source(source, "t.py").unwrap_err().message;
    assert_eq!(message("def f():\n    return [(yield i) for i in y]\n"), "'yield' inside list comprehension");
    assert_eq!(message("def f():\n    return ((yield i) for i in y)\n"), "'yield' inside generator expression");
    assert_eq!(message("def f():\n    return {i: (yield) for i in y}\n"), "'yield' inside dict comprehension");
    let program = compile_source("def f():\n    def g():\n        yield 1\n    return g\n", "t.py").unwrap();
    let generators: Vec<&str> = program.codes.iter().filter(|c| c.generator).map(|c| c.name.as_str()).collect();
    assert_eq!(generators, ["g"], "only the function with the yield in its own body");
}

#[test]
fn return_and_break_outside_their_context_are_errors() {
    assert!(compile_source("return 1\n", "t.py").unwrap_err().message.contains("outside function"));
    assert!(compile_source("break\n", "t.py").is_err());
    assert!(compile_source("def f(a, a):\n    pass\n", "t.py").unwrap_err().message.contains("duplicate argument"));
}

#[test]
fn a_local_a_nested_function_uses_is_a_cell_and_the_nested_function_takes_it() {
    let program =
        compile_source("def f(a):\n    b = 1\n    def g():\n        return a + b\n    return g\n", "t.py").unwrap();
    let f = &program.codes[1];
    // Both locals live in cells made when `f` starts; `g` is made with them as its closure.
    assert!(f.ops.starts_with(&[Op::MakeCell { slot: 0 }, Op::MakeCell { slot: 1 }]), "{:?}", f.ops);
    assert!(f.ops.contains(&Op::StoreDeref { slot: 1 }));
    assert!(f.ops.iter().any(|op| matches!(op, Op::MakeFunction { count: 0, .. })));
    let g = &program.codes[2];
    assert_eq!((g.frees, g.local_names.clone()), (2, vec!["a".to_string(), "b".to_string()]));
    assert!(g.ops.contains(&Op::LoadDeref { slot: 0 }) && g.ops.contains(&Op::LoadDeref { slot: 1 }));
    assert_eq!(g.qualname, "f.<locals>.g");
}

#[test]
fn names_only_a_module_binds_stay_globals_in_nested_functions() {
    let program = compile_source("x = 1\ndef f():\n    def g():\n        return x\n    return g\n", "t.py").unwrap();
    assert_eq!(program.codes[2].frees, 0);
    assert!(program.codes[2].ops.iter().any(|op| matches!(op, Op::LoadGlobal { .. })));
    assert!(program.codes[1].ops.contains(&Op::LoadFunc { func: crate::bytecode::FuncId(2) }));
}

#[test]
fn nonlocal_needs_an_enclosing_binding() {
    let e = compile_source("def f():\n    def g():\n        nonlocal q\n        q = 1\n", "t.py").unwrap_err();
    assert!(e.to_string().contains("no binding for nonlocal 'q' found"), "{e}");
    let e = compile_source("def f(a):\n    nonlocal a\n", "t.py").unwrap_err();
    assert!(e.to_string().contains("is parameter and nonlocal") || e.to_string().contains("no binding"), "{e}");
    // A class body is no enclosing function: a method cannot take its names.
    let program = compile_source("class C:\n    k = 1\n    def m(self):\n        return k\n", "t.py").unwrap();
    assert_eq!(program.codes[2].frees, 0);
}

#[test]
fn a_comprehension_is_a_function_of_its_first_iterator() {
    let program = compile_source("def f(xs, n):\n    return [x * n for x in xs if x]\n", "t.py").unwrap();
    let comp = &program.codes[2];
    assert_eq!(comp.name, "<listcomp>");
    assert_eq!(comp.params, 1);
    assert!(comp.ops.iter().any(|op| matches!(op, Op::AppendTo { .. })));
    assert_eq!(comp.frees, 1, "n is taken from f");
    let f = &program.codes[1];
    assert!(f.ops.windows(2).any(|w| w == [Op::GetIter, Op::Call { argc: 1 }]), "{:?}", f.ops);
}
