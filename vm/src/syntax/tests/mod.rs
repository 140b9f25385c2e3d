//! Tests of the tokenizer and parser.

mod errors;
mod lexing;
mod parsing;
mod robust;

use super::{parse, SyntaxError};
use crate::ast::{Expr, ExprKind, Module, Stmt, StmtKind, Target};

/// Parses or panics with the error.
fn ok(src: &str) -> Module {
    match parse(src) {
        Ok(m) => m,
        Err(e) => panic!("{src:?} failed at {}:{}: {}", e.span.line, e.span.col, e.message),
    }
}

/// The error for a source that must not parse.
fn err(src: &str) -> SyntaxError {
    match parse(src) {
        Ok(m) => panic!("{src:?} parsed: {m:?}"),
        Err(e) => e,
    }
}

/// Asserts the error message contains `needle` and sits at `line:col`.
fn err_at(src: &str, needle: &str, line: u32, col: u32) {
    let e = err(src);
    assert!(e.message.contains(needle), "{src:?}: message {:?} lacks {needle:?}", e.message);
    assert_eq!((e.span.line, e.span.col), (line, col), "{src:?}: {}", e.message);
}

/// The single expression statement of `src`, as an S-expression.
fn ex(src: &str) -> String {
    let m = ok(src);
    match &m.body[..] {
        [Stmt { kind: StmtKind::Expr(e), .. }] => sx(e),
        other => panic!("{src:?}: not one expression statement: {other:?}"),
    }
}

/// A compact S-expression rendering of an expression.
fn sx(e: &Expr) -> String {
    let list = |items: &[Expr]| items.iter().map(sx).collect::<Vec<_>>().join(" ");
    match &e.kind {
        ExprKind::Int(v) => v.to_string(),
        ExprKind::BigInt(digits) => digits.clone(),
        ExprKind::Float(f) => format!("{f:?}"),
        ExprKind::Str(s) => format!("{s:?}"),
        ExprKind::True => "True".into(),
        ExprKind::False => "False".into(),
        ExprKind::None => "None".into(),
        ExprKind::Name(n) => n.clone(),
        ExprKind::List(items) => format!("[{}]", list(items)),
        ExprKind::Tuple(items) => format!("(tuple {})", list(items)),
        ExprKind::Dict(pairs) => {
            let pairs: Vec<String> = pairs
                .iter()
                .map(|(k, v)| match k {
                    Some(k) => format!("{}:{}", sx(k), sx(v)),
                    None => format!("**{}", sx(v)),
                })
                .collect();
            format!("{{{}}}", pairs.join(" "))
        }
        ExprKind::Call { func, args, keywords } if keywords.is_empty() => format!("(call {} {})", sx(func), list(args)),
        ExprKind::Call { func, args, keywords } => {
            let keywords: Vec<String> = keywords
                .iter()
                .map(|k| match &k.name {
                    Some(name) => format!("{name}={}", sx(&k.value)),
                    None => format!("**{}", sx(&k.value)),
                })
                .collect();
            format!("(call {} {} {})", sx(func), list(args), keywords.join(" "))
        }
        ExprKind::Starred(value) => format!("*{}", sx(value)),
        ExprKind::FString(parts) => {
            let parts: Vec<String> = parts
                .iter()
                .map(|p| match p {
                    crate::ast::FPart::Lit(text) => format!("{text:?}"),
                    crate::ast::FPart::Field { value, conversion, spec } => {
                        format!("{{{} {conversion:?} {}}}", sx(value), spec.len())
                    }
                })
                .collect();
            format!("(f {})", parts.join(" "))
        }
        ExprKind::Attribute { obj, name } => format!("(. {} {name})", sx(obj)),
        ExprKind::Subscript { obj, index } => format!("(sub {} {})", sx(obj), sx(index)),
        ExprKind::Unary { op, operand } => format!("({op:?} {})", sx(operand)),
        ExprKind::Binary { op, left, right } => format!("({} {} {})", op.symbol(), sx(left), sx(right)),
        ExprKind::Compare { op, left, right } => format!("({} {} {})", op.symbol(), sx(left), sx(right)),
        ExprKind::CompareChain { left, comparisons } => {
            let rest: Vec<String> = comparisons.iter().map(|(op, e)| format!("{} {}", op.symbol(), sx(e))).collect();
            format!("(chain {} {})", sx(left), rest.join(" "))
        }
        ExprKind::BoolOp { op, left, right } => format!("({op:?} {} {})", sx(left), sx(right)),
        ExprKind::IfExp { cond, then, orelse } => format!("(if {} {} {})", sx(cond), sx(then), sx(orelse)),
        ExprKind::Lambda { params, body } => format!("(lambda {} {})", params.names().join(" "), sx(body)),
        ExprKind::Comprehension(comp) => {
            let element = match &comp.element {
                crate::ast::Element::List(e) => sx(e),
                crate::ast::Element::Dict(k, v) => format!("{}:{}", sx(k), sx(v)),
                crate::ast::Element::Generator(e) => format!("gen {}", sx(e)),
                crate::ast::Element::Set(e) => format!("set {}", sx(e)),
            };
            let clauses: Vec<String> = comp
                .generators
                .iter()
                .map(|g| {
                    let ifs: Vec<String> = g.ifs.iter().map(|c| format!(" if {}", sx(c))).collect();
                    format!("for {} in {}{}", tx(&g.target), sx(&g.iter), ifs.concat())
                })
                .collect();
            format!("(comp {element} {})", clauses.join(" "))
        }
        ExprKind::Set(items) => format!("(set {})", items.iter().map(sx).collect::<Vec<_>>().join(" ")),
        ExprKind::Yield(None) => "(yield)".to_string(),
        ExprKind::Yield(Some(v)) => format!("(yield {})", sx(v)),
        ExprKind::YieldFrom(v) => format!("(yield-from {})", sx(v)),
        ExprKind::Slice { lower, upper, step } => {
            let part = |e: &Option<Box<Expr>>| e.as_ref().map_or("_".to_string(), |e| sx(e));
            format!("(slice {} {} {})", part(lower), part(upper), part(step))
        }
    }
}

/// A compact rendering of an assignment target.
fn tx(t: &Target) -> String {
    match t {
        Target::Name { name, .. } => name.clone(),
        Target::Subscript { obj, index, .. } => format!("(sub {} {})", sx(obj), sx(index)),
        Target::Attribute { obj, name, .. } => format!("(attr {} {name})", sx(obj)),
        Target::Tuple { items, .. } => format!("(tuple {})", items.iter().map(tx).collect::<Vec<_>>().join(" ")),
        Target::Starred { target, .. } => format!("(star {})", tx(target)),
    }
}
