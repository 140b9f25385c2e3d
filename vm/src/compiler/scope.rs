//! Which names of a function are locals (and their slots) and which are globals.

use crate::ast::{Params, Span, Stmt, StmtKind, Target};
use crate::syntax::SyntaxError;
use std::collections::{HashMap, HashSet};

/// The local variables of the code being compiled. The module scope has none.
pub(super) struct Scope {
    pub params: u32,
    pub kwonly: u32,
    pub varargs: bool,
    pub varkw: bool,
    pub locals: Vec<String>,
    slots: HashMap<String, u16>,
}

/// More locals than a `u16` slot can address.
const MAX_LOCALS: usize = u16::MAX as usize;

impl Scope {
    pub fn module() -> Scope {
        Scope { params: 0, kwonly: 0, varargs: false, varkw: false, locals: Vec::new(), slots: HashMap::new() }
    }

    /// Parameters, then every name the body assigns that it does not declare `global`.
    pub fn function(params: &Params, body: &[Stmt], span: Span) -> Result<Scope, SyntaxError> {
        let mut globals = HashSet::new();
        collect_globals(body, &mut globals);
        let mut scope = Scope {
            params: params.positional.len() as u32,
            kwonly: params.kwonly.len() as u32,
            varargs: params.varargs.is_some(),
            varkw: params.varkw.is_some(),
            locals: Vec::new(),
            slots: HashMap::new(),
        };
        for param in &params.names() {
            if scope.slots.contains_key(param) {
                return Err(SyntaxError {
                    message: format!("duplicate argument '{param}' in function definition"),
                    span,
                });
            }
            if globals.contains(param) {
                return Err(SyntaxError { message: format!("name '{param}' is parameter and global"), span });
            }
            scope.add(param);
        }
        let mut assigned = Vec::new();
        collect_assigned(body, &mut assigned);
        for name in assigned {
            if !globals.contains(&name) && !scope.slots.contains_key(&name) {
                scope.add(&name);
            }
        }
        if scope.locals.len() > MAX_LOCALS {
            return Err(SyntaxError { message: "too many local variables".into(), span });
        }
        Ok(scope)
    }

    fn add(&mut self, name: &str) {
        self.slots.insert(name.to_string(), self.locals.len() as u16);
        self.locals.push(name.to_string());
    }

    pub fn local_slot(&self, name: &str) -> Option<u16> {
        self.slots.get(name).copied()
    }
}

fn collect_globals(body: &[Stmt], out: &mut HashSet<String>) {
    for stmt in body {
        match &stmt.kind {
            StmtKind::Global(names) => out.extend(names.iter().cloned()),
            StmtKind::If { body, orelse, .. } => {
                collect_globals(body, out);
                collect_globals(orelse, out);
            }
            StmtKind::While { body, .. } | StmtKind::For { body, .. } | StmtKind::With { body, .. } => {
                collect_globals(body, out)
            }
            StmtKind::Try { body, handlers, orelse, finalbody } => {
                for block in [body, orelse, finalbody].into_iter().chain(handlers.iter().map(|h| &h.body)) {
                    collect_globals(block, out);
                }
            }
            _ => {}
        }
    }
}

/// Names bound by assignment, `for`, or `import`, in first-appearance order.
fn collect_assigned(body: &[Stmt], out: &mut Vec<String>) {
    for stmt in body {
        match &stmt.kind {
            StmtKind::Assign { targets, .. } => targets.iter().for_each(|t| target_names(t, out)),
            StmtKind::AugAssign { target, .. } => target_names(target, out),
            StmtKind::For { target, body, .. } => {
                target_names(target, out);
                collect_assigned(body, out);
            }
            StmtKind::Import(names) | StmtKind::ImportFrom { names, .. } => {
                out.extend(names.iter().map(|a| a.bound().to_string()))
            }
            StmtKind::Def { name, .. } => out.push(name.clone()),
            StmtKind::If { body, orelse, .. } => {
                collect_assigned(body, out);
                collect_assigned(orelse, out);
            }
            StmtKind::While { body, .. } | StmtKind::With { body, .. } => collect_assigned(body, out),
            StmtKind::Try { body, handlers, orelse, finalbody } => {
                collect_assigned(body, out);
                for handler in handlers {
                    out.extend(handler.name.iter().cloned());
                    collect_assigned(&handler.body, out);
                }
                collect_assigned(orelse, out);
                collect_assigned(finalbody, out);
            }
            _ => {}
        }
    }
}

fn target_names(target: &Target, out: &mut Vec<String>) {
    match target {
        Target::Name { name, .. } => out.push(name.clone()),
        Target::Subscript { .. } => {}
        Target::Tuple { items, .. } => items.iter().for_each(|t| target_names(t, out)),
    }
}
