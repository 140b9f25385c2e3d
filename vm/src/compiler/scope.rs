//! Which names of a function are locals (and their slots) and which are globals.

use crate::ast::{Params, Span, Stmt, StmtKind, Target};
use crate::syntax::SyntaxError;
use std::collections::{BTreeSet, HashMap, HashSet};

/// The local variables of the code being compiled. The module scope has none.
pub(super) struct Scope {
    pub params: u32,
    pub kwonly: u32,
    pub varargs: bool,
    pub varkw: bool,
    /// Every slot's name: parameters, other locals, then the free variables.
    pub locals: Vec<String>,
    slots: HashMap<String, u16>,
    /// A class body: a name it reads before assigning it is looked up as a global, as
    /// CPython's `LOAD_NAME` does.
    pub is_class: bool,
    /// Locals that nested functions use: their slots hold cells.
    pub cells: BTreeSet<String>,
    /// Names of enclosing functions this one uses, in slot order (the last slots): their slots
    /// hold the enclosing functions' cells.
    pub frees: Vec<String>,
}

/// The prefix of a class body's slot for an enclosing function's cell whose name the body also
/// assigns (its methods take the cell; the body's own name is the attribute).
pub(super) const FREE_ALIAS: &str = ".free.";

/// More locals than a `u16` slot can address.
const MAX_LOCALS: usize = u16::MAX as usize;

impl Scope {
    pub fn module() -> Scope {
        Scope {
            params: 0,
            kwonly: 0,
            varargs: false,
            varkw: false,
            locals: Vec::new(),
            slots: HashMap::new(),
            is_class: false,
            cells: BTreeSet::new(),
            frees: Vec::new(),
        }
    }

    /// A class body's scope: every name it assigns (and does not declare `global`) is a local,
    /// which becomes an attribute of the class. In a function, the names it and its methods take
    /// from the enclosing functions are its frees (the last slots, not attributes).
    pub fn class(body: &[Stmt], span: Span, outer: &[BTreeSet<String>]) -> Result<Scope, SyntaxError> {
        let mut scope = Scope::function(&Params::default(), body, span, outer)?;
        scope.is_class = true;
        // A method skips the class body's names: one that takes a name the body also assigns
        // gets the enclosing function's cell from a second slot, `.free.NAME`.
        let methods_take = super::symtable::nested_free_names(body);
        let shadowed: Vec<String> = scope
            .cells
            .iter()
            .filter(|name| methods_take.contains(*name) && outer.iter().any(|o| o.contains(*name)))
            .cloned()
            .collect();
        for name in shadowed {
            let alias = format!("{FREE_ALIAS}{name}");
            scope.add(&alias);
            scope.frees.push(alias);
        }
        scope.cells.clear();
        Ok(scope)
    }

    /// The slots whose names become the class's attributes (every local but the frees).
    pub fn attribute_names(&self) -> &[String] {
        &self.locals[..self.locals.len() - self.frees.len()]
    }

    /// Parameters, then every name the body assigns that it does not declare `global` or
    /// `nonlocal`, then the names it takes from the enclosing functions, whose bindable names
    /// are `outer` (innermost last).
    pub fn function(
        params: &Params,
        body: &[Stmt],
        span: Span,
        outer: &[BTreeSet<String>],
    ) -> Result<Scope, SyntaxError> {
        let mut globals = HashSet::new();
        collect_globals(body, &mut globals);
        let mut nonlocals = Vec::new();
        collect_nonlocals(body, &mut nonlocals);
        let mut scope = Scope {
            params: params.positional.len() as u32,
            kwonly: params.kwonly.len() as u32,
            varargs: params.varargs.is_some(),
            varkw: params.varkw.is_some(),
            locals: Vec::new(),
            slots: HashMap::new(),
            is_class: false,
            cells: BTreeSet::new(),
            frees: Vec::new(),
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
            if nonlocals.contains(param) {
                return Err(SyntaxError { message: format!("name '{param}' is parameter and nonlocal"), span });
            }
            scope.add(param);
        }
        for name in &nonlocals {
            if globals.contains(name) {
                return Err(SyntaxError { message: format!("name '{name}' is nonlocal and global"), span });
            }
            if !outer.iter().any(|names| names.contains(name)) {
                return Err(SyntaxError { message: format!("no binding for nonlocal '{name}' found"), span });
            }
        }
        let mut assigned = Vec::new();
        collect_assigned(body, &mut assigned);
        for name in assigned {
            if !globals.contains(&name) && !nonlocals.contains(&name) && !scope.slots.contains_key(&name) {
                scope.add(&name);
            }
        }
        let nested = super::symtable::nested_free_names(body);
        scope.cells = nested.into_iter().filter(|name| scope.slots.contains_key(name)).collect();
        let free = super::symtable::free_names(params, body);
        scope.take_frees(free, outer);
        if scope.locals.len() > MAX_LOCALS {
            return Err(SyntaxError { message: "too many local variables".into(), span });
        }
        Ok(scope)
    }

    /// A comprehension's scope: its iterator (the parameter `.0`), its result, its targets, and
    /// the names it takes from the enclosing functions.
    pub fn comprehension(
        targets: &[&Target],
        free: BTreeSet<String>,
        nested_free: BTreeSet<String>,
        outer: &[BTreeSet<String>],
    ) -> Scope {
        let mut scope = Scope::module();
        scope.params = 1;
        scope.add(".0");
        scope.add(".result");
        let mut names = Vec::new();
        for target in targets {
            target_names(target, &mut names);
        }
        for name in names {
            if !scope.slots.contains_key(&name) {
                scope.add(&name);
            }
        }
        scope.cells = nested_free.into_iter().filter(|name| scope.slots.contains_key(name)).collect();
        scope.take_frees(free, outer);
        scope
    }

    /// Adds, as the last slots, the names in `free` that an enclosing function binds.
    fn take_frees(&mut self, free: BTreeSet<String>, outer: &[BTreeSet<String>]) {
        for name in free {
            if !self.slots.contains_key(&name) && outer.iter().any(|names| names.contains(&name)) {
                self.add(&name);
                self.frees.push(name);
            }
        }
    }

    /// The names a function nested in this one can take from it: its locals and its frees.
    pub fn bindable(&self) -> BTreeSet<String> {
        self.locals.iter().cloned().collect()
    }

    fn add(&mut self, name: &str) {
        self.slots.insert(name.to_string(), self.locals.len() as u16);
        self.locals.push(name.to_string());
    }

    pub fn local_slot(&self, name: &str) -> Option<u16> {
        self.slots.get(name).copied()
    }

    /// Whether the slot of `name` holds a cell (a local nested functions use, or a free name).
    pub fn is_deref(&self, name: &str) -> bool {
        self.cells.contains(name) || self.frees.iter().any(|f| f == name)
    }
}

/// The names declared `nonlocal` in a body (not in nested functions).
fn collect_nonlocals(body: &[Stmt], out: &mut Vec<String>) {
    for stmt in body {
        match &stmt.kind {
            StmtKind::Nonlocal(names) => out.extend(names.iter().cloned()),
            StmtKind::If { body, orelse, .. }
            | StmtKind::While { body, orelse, .. }
            | StmtKind::For { body, orelse, .. } => {
                collect_nonlocals(body, out);
                collect_nonlocals(orelse, out);
            }
            StmtKind::With { body, .. } => collect_nonlocals(body, out),
            StmtKind::Try { body, handlers, orelse, finalbody } => {
                for block in [body, orelse, finalbody].into_iter().chain(handlers.iter().map(|h| &h.body)) {
                    collect_nonlocals(block, out);
                }
            }
            _ => {}
        }
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
            StmtKind::While { body, orelse, .. } | StmtKind::For { body, orelse, .. } => {
                collect_globals(body, out);
                collect_globals(orelse, out);
            }
            StmtKind::With { body, .. } => collect_globals(body, out),
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
            StmtKind::Assign { targets, .. } | StmtKind::Del(targets) => {
                targets.iter().for_each(|t| target_names(t, out))
            }
            StmtKind::AugAssign { target, .. } => target_names(target, out),
            StmtKind::For { target, body, orelse, .. } => {
                target_names(target, out);
                collect_assigned(body, out);
                collect_assigned(orelse, out);
            }
            StmtKind::Import(names) | StmtKind::ImportFrom { names, .. } => {
                out.extend(names.iter().map(|a| a.bound().to_string()))
            }
            StmtKind::Def { name, .. } | StmtKind::Class { name, .. } => out.push(name.clone()),
            StmtKind::If { body, orelse, .. } => {
                collect_assigned(body, out);
                collect_assigned(orelse, out);
            }
            StmtKind::While { body, orelse, .. } => {
                collect_assigned(body, out);
                collect_assigned(orelse, out);
            }
            StmtKind::With { target, body, .. } => {
                if let Some(target) = target {
                    target_names(target, out);
                }
                collect_assigned(body, out)
            }
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
        Target::Subscript { .. } | Target::Attribute { .. } => {}
        Target::Tuple { items, .. } => items.iter().for_each(|t| target_names(t, out)),
        Target::Starred { target, .. } => target_names(target, out),
    }
}
