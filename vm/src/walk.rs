//! A walk over every statement and expression of a module: nested functions, classes, lambdas,
//! comprehensions and f-string fields included. What a pass needs (the names a program binds,
//! the attributes it reads) is a [`Visitor`] that overrides the calls it cares about.

use crate::ast::{Element, Expr, ExprKind, FPart, Params, Stmt, StmtKind, Target};

/// What a walk reports. Every method does nothing unless overridden.
pub trait Visitor {
    /// A statement, before its parts.
    fn stmt(&mut self, _stmt: &Stmt) {}
    /// An expression, before its parts.
    fn expr(&mut self, _expr: &Expr) {}
    /// A name something binds: an assignment or `for` target, a `def`, `class`, import,
    /// parameter, `except ... as`, `global` or a comprehension's variable.
    fn bind(&mut self, _name: &str) {}
}

/// Walks every statement of `body` and everything inside it.
pub fn body(body: &[Stmt], v: &mut impl Visitor) {
    for s in body {
        stmt(s, v);
    }
}

fn stmt(s: &Stmt, v: &mut impl Visitor) {
    v.stmt(s);
    match &s.kind {
        StmtKind::Expr(e) | StmtKind::Return(Some(e)) => expr(e, v),
        StmtKind::Return(None) | StmtKind::Break | StmtKind::Continue | StmtKind::Pass => {}
        StmtKind::Assign { targets, value } => {
            targets.iter().for_each(|t| target(t, v));
            expr(value, v);
        }
        StmtKind::AugAssign { target: t, value, .. } => {
            target(t, v);
            expr(value, v);
        }
        StmtKind::If { cond, body: b, orelse } | StmtKind::While { cond, body: b, orelse } => {
            expr(cond, v);
            body(b, v);
            body(orelse, v);
        }
        StmtKind::For { target: t, iter, body: b, orelse } => {
            target(t, v);
            expr(iter, v);
            body(b, v);
            body(orelse, v);
        }
        StmtKind::Def { name, params: p, body: b, decorators } => {
            v.bind(name);
            decorators.iter().for_each(|d| expr(d, v));
            params(p, v);
            body(b, v);
        }
        StmtKind::Class { name, bases, body: b, decorators } => {
            v.bind(name);
            decorators.iter().chain(bases).for_each(|e| expr(e, v));
            body(b, v);
        }
        StmtKind::Global(names) | StmtKind::Nonlocal(names) => names.iter().for_each(|n| v.bind(n)),
        StmtKind::Del(targets) => targets.iter().for_each(|t| target(t, v)),
        StmtKind::Assert { test, msg } => {
            expr(test, v);
            msg.iter().for_each(|m| expr(m, v));
        }
        StmtKind::Import(names) | StmtKind::ImportFrom { names, .. } => names.iter().for_each(|a| v.bind(a.bound())),
        StmtKind::With { ctx, target: t, body: b } => {
            expr(ctx, v);
            t.iter().for_each(|t| target(t, v));
            body(b, v);
        }
        StmtKind::Try { body: b, handlers, orelse, finalbody } => {
            body(b, v);
            for h in handlers {
                h.class.iter().for_each(|c| expr(c, v));
                h.name.iter().for_each(|n| v.bind(n));
                body(&h.body, v);
            }
            body(orelse, v);
            body(finalbody, v);
        }
        StmtKind::Raise { exc, cause } => exc.iter().chain(cause).for_each(|e| expr(e, v)),
    }
}

fn params(p: &Params, v: &mut impl Visitor) {
    for (_, default) in p.defaults() {
        expr(default, v);
    }
    for name in p.names() {
        v.bind(&name);
    }
}

fn target(t: &Target, v: &mut impl Visitor) {
    match t {
        Target::Name { name, .. } => v.bind(name),
        Target::Subscript { obj, index, .. } => {
            expr(obj, v);
            expr(index, v);
        }
        Target::Attribute { obj, .. } => expr(obj, v),
        Target::Tuple { items, .. } => items.iter().for_each(|t| target(t, v)),
        Target::Starred { target: t, .. } => target(t, v),
    }
}

fn expr(e: &Expr, v: &mut impl Visitor) {
    v.expr(e);
    match &e.kind {
        ExprKind::Int(_)
        | ExprKind::BigInt(_)
        | ExprKind::Float(_)
        | ExprKind::Str(_)
        | ExprKind::True
        | ExprKind::False
        | ExprKind::None
        | ExprKind::Name(_) => {}
        ExprKind::List(items) | ExprKind::Tuple(items) | ExprKind::Set(items) => items.iter().for_each(|i| expr(i, v)),
        ExprKind::Dict(pairs) => pairs.iter().for_each(|(k, value)| {
            k.iter().for_each(|k| expr(k, v));
            expr(value, v);
        }),
        ExprKind::Call { func, args, keywords } => {
            expr(func, v);
            args.iter().for_each(|a| expr(a, v));
            keywords.iter().for_each(|k| expr(&k.value, v));
        }
        ExprKind::Starred(inner) | ExprKind::YieldFrom(inner) => expr(inner, v),
        ExprKind::Yield(value) => value.iter().for_each(|x| expr(x, v)),
        ExprKind::Slice { lower, upper, step } => [lower, upper, step].into_iter().flatten().for_each(|e| expr(e, v)),
        ExprKind::FString(parts) => fstring(parts, v),
        ExprKind::Attribute { obj, .. } => expr(obj, v),
        ExprKind::Subscript { obj, index } => {
            expr(obj, v);
            expr(index, v);
        }
        ExprKind::Unary { operand, .. } => expr(operand, v),
        ExprKind::Binary { left, right, .. }
        | ExprKind::Compare { left, right, .. }
        | ExprKind::BoolOp { left, right, .. } => {
            expr(left, v);
            expr(right, v);
        }
        ExprKind::CompareChain { left, comparisons } => {
            expr(left, v);
            comparisons.iter().for_each(|(_, e)| expr(e, v));
        }
        ExprKind::IfExp { cond, then, orelse } => [cond, then, orelse].into_iter().for_each(|e| expr(e, v)),
        ExprKind::Lambda { params: p, body } => {
            params(p, v);
            expr(body, v);
        }
        ExprKind::Comprehension(comp) => {
            for g in &comp.generators {
                target(&g.target, v);
                expr(&g.iter, v);
                g.ifs.iter().for_each(|c| expr(c, v));
            }
            match &comp.element {
                Element::List(e) | Element::Generator(e) | Element::Set(e) => expr(e, v),
                Element::Dict(k, value) => {
                    expr(k, v);
                    expr(value, v);
                }
            }
        }
    }
}

fn fstring(parts: &[FPart], v: &mut impl Visitor) {
    for part in parts {
        if let FPart::Field { value, spec, .. } = part {
            expr(value, v);
            fstring(spec, v);
        }
    }
}
