//! Which names a function shares with the functions nested in it.
//!
//! A name a nested function (a `def`, a `lambda`, a comprehension) uses but does not bind is
//! *free* in it; where an enclosing function binds the name, the binding is a *cell* there, and
//! both functions reach the value through the same cell object (CPython's `cellvars` and
//! `freevars`). This walk finds, for a function's parameters and body, the names that are free in
//! it: what it uses (and what its nested functions leave free) minus what it binds. Whether a
//! free name ends up a cell of an enclosing function or a global is decided when the enclosing
//! function's scope is known (see `Scope::function`).

use crate::ast::{Expr, ExprKind, FPart, Params, Stmt, StmtKind, Target};
use std::collections::BTreeSet;

/// The names free in a function with `params` and `body`: used, or declared `nonlocal`, in it or
/// left free by a function nested in it, and not bound in it (nor declared `global`).
pub(super) fn free_names(params: &Params, body: &[Stmt]) -> BTreeSet<String> {
    let mut walk = Walk::default();
    walk.block(body);
    let mut bound: BTreeSet<String> = params.names().into_iter().collect();
    bound.extend(walk.bound);
    let mut free: BTreeSet<String> = walk.used.into_iter().chain(walk.nested_free).collect();
    free.retain(|name| !bound.contains(name) || walk.nonlocals.contains(name));
    free.retain(|name| !walk.globals.contains(name));
    free.extend(walk.nonlocals);
    free
}

/// The names free in a class body: what the body itself uses and does not bind, and all that its
/// methods leave free (a method skips the class body's names: they bind nothing for it).
pub(super) fn class_free_names(body: &[Stmt]) -> BTreeSet<String> {
    let mut walk = Walk::default();
    walk.block(body);
    let own = walk.used.iter().filter(|name| !walk.bound.contains(*name) && !walk.globals.contains(*name));
    let mut free: BTreeSet<String> = own.cloned().collect();
    free.extend(walk.nested_free);
    free.extend(walk.nonlocals);
    free
}

/// The names that functions nested in `body` (and in the default values of `params`' nested
/// lambdas) leave free: the candidates for cells of the function with this body.
pub(super) fn nested_free_names(body: &[Stmt]) -> BTreeSet<String> {
    let mut walk = Walk::default();
    walk.block(body);
    walk.nested_free
}

/// Whether a function with `body` is a generator function: a `yield` is in it, outside the
/// functions, lambdas, classes and comprehensions nested in it.
pub(super) fn is_generator(body: &[Stmt]) -> bool {
    let mut walk = Walk::default();
    walk.block(body);
    walk.yields
}

/// The names free in a comprehension: what its parts use, minus its targets; its first iterable
/// is evaluated outside it and is not included.
pub(super) fn comprehension_free_names(
    parts: &[&Expr],
    targets: &[&Target],
    later_iters: &[&Expr],
) -> BTreeSet<String> {
    let mut walk = Walk::default();
    for e in parts.iter().chain(later_iters) {
        walk.expr(e);
    }
    let mut bound = BTreeSet::new();
    for t in targets {
        target_names(t, &mut bound);
    }
    let mut free: BTreeSet<String> = walk.used.into_iter().chain(walk.nested_free).collect();
    free.retain(|name| !bound.contains(name));
    free
}

/// The names a target binds.
pub(super) fn target_names(target: &Target, out: &mut BTreeSet<String>) {
    match target {
        Target::Name { name, .. } => {
            out.insert(name.clone());
        }
        Target::Subscript { .. } | Target::Attribute { .. } => {}
        Target::Tuple { items, .. } => items.iter().for_each(|t| target_names(t, out)),
        Target::Starred { target, .. } => target_names(target, out),
    }
}

#[derive(Default)]
struct Walk {
    used: BTreeSet<String>,
    bound: BTreeSet<String>,
    globals: BTreeSet<String>,
    nonlocals: BTreeSet<String>,
    /// Names left free by nested functions.
    nested_free: BTreeSet<String>,
    /// Whether a `yield` is in the body itself (not in a nested function): a generator function.
    yields: bool,
}

impl Walk {
    fn block(&mut self, body: &[Stmt]) {
        body.iter().for_each(|s| self.stmt(s));
    }

    fn stmt(&mut self, stmt: &Stmt) {
        match &stmt.kind {
            StmtKind::Expr(e) => self.expr(e),
            StmtKind::Assign { targets, value } => {
                targets.iter().for_each(|t| self.target(t));
                self.expr(value);
            }
            StmtKind::Del(targets) => targets.iter().for_each(|t| self.target(t)),
            StmtKind::AugAssign { target, value, .. } => {
                if let Target::Name { name, .. } = target {
                    self.used.insert(name.clone());
                }
                self.target(target);
                self.expr(value);
            }
            StmtKind::If { cond, body, orelse } => {
                self.expr(cond);
                self.block(body);
                self.block(orelse);
            }
            StmtKind::While { cond, body, orelse } => {
                self.expr(cond);
                self.block(body);
                self.block(orelse);
            }
            StmtKind::For { target, iter, body, orelse } => {
                self.target(target);
                self.expr(iter);
                self.block(body);
                self.block(orelse);
            }
            StmtKind::Break | StmtKind::Continue | StmtKind::Pass => {}
            StmtKind::Def { name, params, body, decorators } => {
                self.bound.insert(name.clone());
                decorators.iter().for_each(|d| self.expr(d));
                self.defaults(params);
                self.nested_free.extend(free_names(params, body));
            }
            StmtKind::Class { name, bases, body, decorators } => {
                self.bound.insert(name.clone());
                decorators.iter().chain(bases).for_each(|e| self.expr(e));
                // A class body is no function scope: what it and its methods leave free is free
                // here too.
                self.nested_free.extend(class_free_names(body));
            }
            StmtKind::Return(value) => value.iter().for_each(|e| self.expr(e)),
            StmtKind::Global(names) => self.globals.extend(names.iter().cloned()),
            StmtKind::Nonlocal(names) => self.nonlocals.extend(names.iter().cloned()),
            StmtKind::Assert { test, msg } => {
                self.expr(test);
                msg.iter().for_each(|e| self.expr(e));
            }
            StmtKind::Import(names) | StmtKind::ImportFrom { names, .. } => {
                self.bound.extend(names.iter().map(|a| a.bound().to_string()))
            }
            StmtKind::With { ctx, target, body } => {
                self.expr(ctx);
                target.iter().for_each(|t| self.target(t));
                self.block(body);
            }
            StmtKind::Try { body, handlers, orelse, finalbody } => {
                self.block(body);
                for handler in handlers {
                    handler.class.iter().for_each(|e| self.expr(e));
                    self.bound.extend(handler.name.iter().cloned());
                    self.block(&handler.body);
                }
                self.block(orelse);
                self.block(finalbody);
            }
            StmtKind::Raise { exc, cause } => exc.iter().chain(cause).for_each(|e| self.expr(e)),
        }
    }

    fn defaults(&mut self, params: &Params) {
        for (_, default) in params.defaults() {
            self.expr(default);
        }
    }

    fn target(&mut self, target: &Target) {
        match target {
            Target::Name { name, .. } => {
                self.bound.insert(name.clone());
            }
            Target::Subscript { obj, index, .. } => {
                self.expr(obj);
                self.expr(index);
            }
            Target::Attribute { obj, .. } => self.expr(obj),
            Target::Tuple { items, .. } => items.iter().for_each(|t| self.target(t)),
            Target::Starred { target, .. } => self.target(target),
        }
    }

    fn expr(&mut self, e: &Expr) {
        match &e.kind {
            ExprKind::Int(_)
            | ExprKind::BigInt(_)
            | ExprKind::Float(_)
            | ExprKind::Str(_)
            | ExprKind::True
            | ExprKind::False
            | ExprKind::None => {}
            ExprKind::Name(name) => {
                self.used.insert(name.clone());
            }
            ExprKind::List(items) | ExprKind::Tuple(items) | ExprKind::Set(items) => {
                items.iter().for_each(|i| self.expr(i))
            }
            ExprKind::Dict(pairs) => pairs.iter().for_each(|(k, v)| {
                k.iter().for_each(|k| self.expr(k));
                self.expr(v);
            }),
            ExprKind::Call { func, args, keywords } => {
                self.expr(func);
                args.iter().for_each(|a| self.expr(a));
                keywords.iter().for_each(|k| self.expr(&k.value));
            }
            ExprKind::Starred(inner) => self.expr(inner),
            ExprKind::Yield(value) => {
                self.yields = true;
                value.iter().for_each(|v| self.expr(v));
            }
            ExprKind::YieldFrom(iterable) => {
                self.yields = true;
                self.expr(iterable);
            }
            ExprKind::Slice { lower, upper, step } => {
                [lower, upper, step].into_iter().flatten().for_each(|e| self.expr(e));
            }
            ExprKind::FString(parts) => self.fstring(parts),
            ExprKind::Attribute { obj, .. } => self.expr(obj),
            ExprKind::Subscript { obj, index } => {
                self.expr(obj);
                self.expr(index);
            }
            ExprKind::Unary { operand, .. } => self.expr(operand),
            ExprKind::Binary { left, right, .. }
            | ExprKind::Compare { left, right, .. }
            | ExprKind::BoolOp { left, right, .. } => {
                self.expr(left);
                self.expr(right);
            }
            ExprKind::CompareChain { left, comparisons } => {
                self.expr(left);
                comparisons.iter().for_each(|(_, e)| self.expr(e));
            }
            ExprKind::IfExp { cond, then, orelse } => {
                self.expr(cond);
                self.expr(then);
                self.expr(orelse);
            }
            ExprKind::Lambda { params, body } => {
                self.defaults(params);
                let body = [Stmt { span: e.span, kind: StmtKind::Return(Some((**body).clone())) }];
                self.nested_free.extend(free_names(params, &body));
            }
            ExprKind::Comprehension(comp) => {
                // The first iterable is evaluated here; the rest inside the comprehension.
                self.expr(&comp.generators[0].iter);
                let mut parts: Vec<&Expr> = comp.element.exprs();
                let mut later = Vec::new();
                for (k, g) in comp.generators.iter().enumerate() {
                    if k > 0 {
                        later.push(&g.iter);
                    }
                    parts.extend(g.ifs.iter());
                }
                let targets: Vec<&Target> = comp.generators.iter().map(|g| &g.target).collect();
                self.nested_free.extend(comprehension_free_names(&parts, &targets, &later));
            }
        }
    }

    fn fstring(&mut self, parts: &[FPart]) {
        for part in parts {
            if let FPart::Field { value, spec, .. } = part {
                self.expr(value);
                self.fstring(spec);
            }
        }
    }
}

/// The names that functions nested in a comprehension's parts leave free: the candidates for
/// cells of the comprehension.
pub(super) fn comprehension_nested_free_names(parts: &[&Expr], later_iters: &[&Expr]) -> BTreeSet<String> {
    let mut walk = Walk::default();
    for e in parts.iter().chain(later_iters) {
        walk.expr(e);
    }
    walk.nested_free
}
