//! Well-formed programs: precedence, statements, targets, blocks.

use super::{ex, ok, sx, tx};
use crate::ast::{BinOp, ExprKind, Span, Stmt, StmtKind};

#[test]
fn precedence_of_binary_operators() {
    assert_eq!(ex("a + b * c"), "(+ a (* b c))");
    assert_eq!(ex("a * b + c"), "(+ (* a b) c)");
    assert_eq!(ex("a - b - c"), "(- (- a b) c)");
    assert_eq!(ex("a // b % c * d"), "(* (% (// a b) c) d)");
    assert_eq!(ex("(a + b) * c"), "(* (+ a b) c)");
    assert_eq!(ex("-a * b"), "(* (Neg a) b)");
    assert_eq!(ex("- -a"), "(Neg (Neg a))");
    assert_eq!(ex("+a - -b"), "(- (Pos a) (Neg b))");
    assert_eq!(ex("-a.b(c)[d]"), "(Neg (sub (call (. a b) c) d))");
}

#[test]
fn precedence_of_logic_and_comparisons() {
    assert_eq!(ex("a or b and c"), "(Or a (And b c))");
    assert_eq!(ex("a and b or c and d"), "(Or (And a b) (And c d))");
    assert_eq!(ex("a or b or c"), "(Or (Or a b) c)");
    assert_eq!(ex("not a and b"), "(And (Not a) b)");
    assert_eq!(ex("not a == b"), "(Not (== a b))");
    assert_eq!(ex("not not a"), "(Not (Not a))");
    assert_eq!(ex("a + 1 < b * 2"), "(< (+ a 1) (* b 2))");
    assert_eq!(ex("a < b and b <= c"), "(And (< a b) (<= b c))");
    assert_eq!(ex("x not in y"), "(not in x y)");
    assert_eq!(ex("x is not None"), "(is not x None)");
    assert_eq!(ex("x in y or x is z"), "(Or (in x y) (is x z))");
    assert_eq!(ex("a != b"), "(!= a b)");
    assert_eq!(ex("a >= b"), "(>= a b)");
    assert_eq!(ex("(a < b) < c"), "(< (< a b) c)");
}

#[test]
fn conditional_expression_is_lowest() {
    assert_eq!(ex("a if c else b"), "(if c a b)");
    assert_eq!(ex("a or b if c and d else e"), "(if (And c d) (Or a b) e)");
    assert_eq!(ex("a if b else c if d else e"), "(if b a (if d c e))");
    assert_eq!(ex("(a if b else c) + 1"), "(+ (if b a c) 1)");
}

#[test]
fn atoms_and_displays() {
    assert_eq!(ex("()"), "(tuple )");
    assert_eq!(ex("(1,)"), "(tuple 1)");
    assert_eq!(ex("(1, 2,)"), "(tuple 1 2)");
    assert_eq!(ex("((1))"), "1");
    assert_eq!(ex("[]"), "[]");
    assert_eq!(ex("[1, [2, 3],]"), "[1 [2 3]]");
    assert_eq!(ex("{}"), "{}");
    assert_eq!(ex("{1: 'a', 'b': [2],}"), "{1:\"a\" \"b\":[2]}");
    assert_eq!(ex("True, False, None"), "(tuple True False None)");
    assert_eq!(ex("f()"), "(call f )");
    assert_eq!(ex("f(1, g(2),)"), "(call f 1 (call g 2))");
    assert_eq!(ex("d[1, 2]"), "(sub d (tuple 1 2))");
    assert_eq!(ex("o.m(1).n"), "(. (call (. o m) 1) n)");
    assert_eq!(ex("'a' 'b'\n"), "\"ab\"");
    assert_eq!(ex("('a'\n  'b')"), "\"ab\"");
    assert_eq!(ex("[\n 1,\n\n 2  # two\n]"), "[1 2]");
    assert_eq!(ex("[1]"), "[1]");
    assert_eq!(ex("[1, 2]"), "[1 2]");
}

#[test]
fn lambdas_and_comprehensions() {
    assert_eq!(ex("lambda: 0"), "(lambda  0)");
    assert_eq!(ex("lambda a, b=1: a + b"), "(lambda a b (+ a b))");
    assert_eq!(ex("lambda a: a if a else lambda: 1"), "(lambda a (if a a (lambda  1)))");
    assert_eq!(ex("f(lambda x: x, 2)"), "(call f (lambda x x) 2)");
    assert_eq!(ex("[x * 2 for x in xs]"), "(comp (* x 2) for x in xs)");
    assert_eq!(ex("[x for x in xs if x if not x]"), "(comp x for x in xs if x if (Not x))");
    assert_eq!(ex("[(a, b) for a in p for b in a]"), "(comp (tuple a b) for a in p for b in a)");
    assert_eq!(ex("[a for a, b in p or q]"), "(comp a for (tuple a b) in (Or p q))");
    assert_eq!(ex("{k: v for k, v in items}"), "(comp k:v for (tuple k v) in items)");
    assert_eq!(ex("{1, a}"), "(set 1 a)");
    assert_eq!(ex("{x for x in xs}"), "(comp set x for x in xs)");
    assert_eq!(ex("{}"), "{}");
    assert_eq!(ex("y[1:2]"), "(sub y (slice 1 2 _))");
    assert_eq!(ex("y[::-1]"), "(sub y (slice _ _ (Neg 1)))");
    assert_eq!(ex("y[a:]"), "(sub y (slice a _ _))");
    assert_eq!(ex("y[:b, 1]"), "(sub y (tuple (slice _ b _) 1))");
    assert_eq!(ex("(x for x in xs if x)"), "(comp gen x for x in xs if x)");
    assert_eq!(ex("sum(x * x for x in xs)"), "(call sum (comp gen (* x x) for x in xs))");
    assert_eq!(ex("[[y for y in x] for x in m]"), "(comp (comp y for y in x) for x in m)");
}

#[test]
fn int_literals() {
    assert_eq!(ex("9223372036854775807"), "9223372036854775807");
    assert_eq!(ex("-9223372036854775808"), "-9223372036854775808");
    assert_eq!(ex("-5"), "(Neg 5)");
    assert_eq!(ex("1_000_000"), "1000000");
    assert_eq!(ex("0x_ff + 0o17 + 0b101 + 0"), "(+ (+ (+ 255 15) 5) 0)");
    assert_eq!(ex("00"), "0");
    let m = ok("-9223372036854775808");
    let StmtKind::Expr(e) = &m.body[0].kind else { panic!() };
    assert_eq!(e.kind, ExprKind::Int(i64::MIN));
    assert_eq!(e.span, Span::new(1, 1));
}

#[test]
fn spans_are_first_tokens() {
    let m = ok("x = 1\n\nif  a:\n    y = f(b) + c\n");
    assert_eq!(m.body[0].span, Span::new(1, 1));
    assert_eq!(m.body[1].span, Span::new(3, 1));
    let StmtKind::If { cond, body, .. } = &m.body[1].kind else { panic!() };
    assert_eq!(cond.span, Span::new(3, 5));
    assert_eq!(body[0].span, Span::new(4, 5));
    let StmtKind::Assign { value, .. } = &body[0].kind else { panic!() };
    assert_eq!(value.span, Span::new(4, 9));
    let ExprKind::Binary { right, .. } = &value.kind else { panic!() };
    assert_eq!(right.span, Span::new(4, 16));
    // Columns count characters, not bytes.
    let m = ok("s = 'héllo' + t");
    let StmtKind::Assign { value, .. } = &m.body[0].kind else { panic!() };
    let ExprKind::Binary { right, .. } = &value.kind else { panic!() };
    assert_eq!(right.span, Span::new(1, 15));
}

fn assign(src: &str) -> (Vec<String>, String) {
    let m = ok(src);
    match &m.body[..] {
        [Stmt { kind: StmtKind::Assign { targets, value }, .. }] => (targets.iter().map(tx).collect(), sx(value)),
        other => panic!("{other:?}"),
    }
}

#[test]
fn assignments_and_targets() {
    assert_eq!(assign("x = 1"), (vec!["x".into()], "1".into()));
    assert_eq!(assign("a = b = 2"), (vec!["a".into(), "b".into()], "2".into()));
    assert_eq!(assign("x = 1, 2"), (vec!["x".into()], "(tuple 1 2)".into()));
    assert_eq!(assign("a, b = b, a"), (vec!["(tuple a b)".into()], "(tuple b a)".into()));
    assert_eq!(assign("(a, b) = t"), (vec!["(tuple a b)".into()], "t".into()));
    assert_eq!(assign("a, = t"), (vec!["(tuple a)".into()], "t".into()));
    assert_eq!(assign("(a, (b, c)), d[0] = t"), (vec!["(tuple (tuple a (tuple b c)) (sub d 0))".into()], "t".into()));
    assert_eq!(assign("[a, b] = t"), (vec!["(tuple a b)".into()], "t".into()));
    assert_eq!(assign("(x) = 1"), (vec!["x".into()], "1".into()));
    assert_eq!(assign("x[i][j] = y = 0"), (vec!["(sub (sub x i) j)".into(), "y".into()], "0".into()));
    let m = ok("(a, b) = t");
    let StmtKind::Assign { targets, .. } = &m.body[0].kind else { panic!() };
    assert_eq!(targets[0].span(), Span::new(1, 1));
}

#[test]
fn augmented_assignment() {
    let ops =
        [("+=", BinOp::Add), ("-=", BinOp::Sub), ("*=", BinOp::Mul), ("//=", BinOp::FloorDiv), ("%=", BinOp::Mod)];
    for (text, op) in ops {
        let m = ok(&format!("x[0] {text} 1 + 2"));
        let StmtKind::AugAssign { target, op: got, value } = &m.body[0].kind else { panic!() };
        assert_eq!((tx(target), *got, sx(value)), ("(sub x 0)".into(), op, "(+ 1 2)".into()));
    }
}

#[test]
fn if_elif_else_nests() {
    let m = ok("if a:\n    x = 1\nelif b:\n    x = 2\nelif c: x = 3\nelse:\n    x = 4\n");
    let StmtKind::If { cond, orelse, .. } = &m.body[0].kind else { panic!() };
    assert_eq!(sx(cond), "a");
    let [Stmt { span, kind: StmtKind::If { cond, orelse, .. } }] = &orelse[..] else { panic!() };
    assert_eq!((sx(cond), *span), ("b".into(), Span::new(3, 1)));
    let [Stmt { kind: StmtKind::If { cond, orelse, .. }, .. }] = &orelse[..] else { panic!() };
    assert_eq!(sx(cond), "c");
    assert!(matches!(&orelse[..], [Stmt { kind: StmtKind::Assign { .. }, .. }]));
}

#[test]
fn loops_functions_and_simple_statements() {
    let src = "\
import time
global g
def f(a, b,):
    global g, h
    for i, (j, k) in items:
        while True:
            if i: break
            continue
    for x in a, b:
        pass
    assert a, 'msg'
    assert b
    with lock:
        g = 1
    return a, b
def g():
    return
x = 1; y = 2;
";
    let m = ok(src);
    let kinds: Vec<&str> = m
        .body
        .iter()
        .map(|s| match &s.kind {
            StmtKind::Import(_) => "import",
            StmtKind::Global(_) => "global",
            StmtKind::Def { .. } => "def",
            StmtKind::Assign { .. } => "assign",
            _ => "other",
        })
        .collect();
    assert_eq!(kinds, ["import", "global", "def", "def", "assign", "assign"]);
    let StmtKind::Def { name, params, body, .. } = &m.body[2].kind else { panic!() };
    assert_eq!((name.as_str(), params.names()), ("f", vec!["a".to_string(), "b".to_string()]));
    assert_eq!(body[0].kind, StmtKind::Global(vec!["g".into(), "h".into()]));
    let StmtKind::For { target, iter, body: for_body, .. } = &body[1].kind else { panic!() };
    assert_eq!((tx(target), sx(iter)), ("(tuple i (tuple j k))".into(), "items".into()));
    let StmtKind::While { body: while_body, .. } = &for_body[0].kind else { panic!() };
    assert!(matches!(while_body[1].kind, StmtKind::Continue));
    let StmtKind::For { iter, .. } = &body[2].kind else { panic!() };
    assert_eq!(sx(iter), "(tuple a b)");
    assert!(matches!(&body[3].kind, StmtKind::Assert { msg: Some(_), .. }));
    assert!(matches!(&body[4].kind, StmtKind::Assert { msg: None, .. }));
    assert!(matches!(&body[5].kind, StmtKind::With { .. }));
    let StmtKind::Return(Some(value)) = &body[6].kind else { panic!() };
    assert_eq!(sx(value), "(tuple a b)");
    let StmtKind::Def { body, .. } = &m.body[3].kind else { panic!() };
    assert_eq!(body[0].kind, StmtKind::Return(None));
    assert_eq!(m.body[0].kind, StmtKind::Import(vec![crate::ast::Alias { name: "time".into(), asname: None }]));
}

#[test]
fn expression_statements_and_bare_tuples() {
    assert_eq!(ex("a, b"), "(tuple a b)");
    assert_eq!(ex("a,"), "(tuple a)");
    assert_eq!(ex("print(x)"), "(call print x)");
}

#[test]
fn indentation_forms() {
    // Tabs count to the next multiple of 8; a tab-indented block is fine on its own.
    let m = ok("if a:\n\tx = 1\n\tif b:\n\t\ty = 2\nz = 3\n");
    assert_eq!(m.body.len(), 2);
    // Blank lines, comment lines at any indentation, CRLF, no trailing newline.
    let m = ok("# head\r\nif a:\r\n\r\n    x = 1\r\n  # odd comment\r\n\r\n    y = 2\r\nz = 3");
    assert_eq!(m.body.len(), 2);
    let StmtKind::If { body, .. } = &m.body[0].kind else { panic!() };
    assert_eq!(body.len(), 2);
    // Backslash continuation and implicit joining ignore indentation.
    let m = ok("x = 1 + \\\n        2\ny = (1 +\n2)\nif a and \\\n  b:\n    pass\n");
    assert_eq!(m.body.len(), 3);
    // Dedenting several levels at once, and at end of file.
    let m = ok("if a:\n    if b:\n        if c:\n            x = 1\ny = 2\nif d:\n    if e:\n        pass");
    assert_eq!(m.body.len(), 3);
}

#[test]
fn empty_and_trivial_inputs() {
    for src in ["", "\n", "\n\n  \n", "# only a comment", "   # indented comment\n", "\u{feff}", "\r\n\r\n"] {
        assert!(ok(src).body.is_empty(), "{src:?}");
    }
    assert_eq!(ok("pass").body.len(), 1);
    assert_eq!(ok("x\\\n").body.len(), 1);
}

#[test]
fn soft_keywords_are_names() {
    assert_eq!(ex("match(x)"), "(call match x)");
    assert_eq!(assign("case = match = print = 1").0, vec!["case", "match", "print"]);
    assert_eq!(ex("print"), "print");
}

#[test]
fn parameters_in_every_kind_and_keyword_calls() {
    let m = super::ok("def f(a, b=2, *args, c, d=[1], **kw) -> None:\n    pass\nf(1, *xs, k=2, **kw)\n");
    let StmtKind::Def { params, .. } = &m.body[0].kind else { panic!() };
    assert_eq!(params.names(), ["a", "b", "c", "d", "args", "kw"]);
    let defaults: Vec<(u16, String)> = params.defaults().map(|(slot, e)| (slot, sx(e))).collect();
    assert_eq!(defaults, [(1, "2".to_string()), (3, "[1]".to_string())]);
    let StmtKind::Expr(call) = &m.body[1].kind else { panic!() };
    assert_eq!(sx(call), "(call f 1 *xs k=2 **kw)");
    // Annotations are parsed, not kept.
    let m = super::ok("def g(x: int = 3, *ys: str):\n    pass\n");
    let StmtKind::Def { params, .. } = &m.body[0].kind else { panic!() };
    assert_eq!((params.names(), params.positional[0].default.is_some()), (vec!["x".into(), "ys".into()], true));
}
