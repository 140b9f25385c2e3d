//! Compiling statements.

use super::{Cleanup, FunctionCompiler, LoopContext};
use crate::ast::{Handler, Stmt, StmtKind, Target};
use crate::bytecode::Op;
use crate::syntax::SyntaxError;

impl FunctionCompiler<'_> {
    pub(super) fn block(&mut self, body: &[Stmt]) -> Result<(), SyntaxError> {
        body.iter().try_for_each(|stmt| self.stmt(stmt))
    }

    fn stmt(&mut self, stmt: &Stmt) -> Result<(), SyntaxError> {
        self.at(stmt.span);
        match &stmt.kind {
            StmtKind::Expr(e) => {
                self.expr(e)?;
                self.emit(Op::Pop);
            }
            StmtKind::Assign { targets, value } => {
                self.expr(value)?;
                for (i, target) in targets.iter().enumerate() {
                    if i + 1 < targets.len() {
                        self.emit(Op::Dup);
                    }
                    self.store(target)?;
                }
            }
            StmtKind::AugAssign { target, op, value } => match target {
                Target::Name { name, .. } => {
                    self.load_name(name);
                    self.expr(value)?;
                    self.at(stmt.span);
                    self.emit(Op::InplaceBinary { op: *op });
                    self.store_name(name);
                }
                Target::Subscript { obj, index, .. } => {
                    self.expr(obj)?;
                    self.expr(index)?;
                    self.emit(Op::DupTwo);
                    self.emit(Op::GetItem);
                    self.expr(value)?;
                    self.at(stmt.span);
                    self.emit(Op::InplaceBinary { op: *op });
                    self.emit(Op::Rot3);
                    self.emit(Op::SetItem);
                }
                Target::Attribute { obj, name, .. } => {
                    self.expr(obj)?;
                    self.emit(Op::Dup);
                    let index = self.program.name(name);
                    self.emit(Op::GetAttr { name: index });
                    self.expr(value)?;
                    self.at(stmt.span);
                    self.emit(Op::InplaceBinary { op: *op });
                    self.emit(Op::Swap);
                    self.set_attr(name);
                }
                Target::Tuple { span, .. } | Target::Starred { span, .. } => {
                    return Err(SyntaxError {
                        message: "illegal expression for augmented assignment".into(),
                        span: *span,
                    })
                }
            },
            StmtKind::If { cond, body, orelse } => {
                self.expr(cond)?;
                let to_else = self.emit(Op::JumpIfFalse { target: 0 });
                self.block(body)?;
                if orelse.is_empty() {
                    self.patch(to_else);
                } else {
                    let to_end = self.emit(Op::Jump { target: 0 });
                    self.patch(to_else);
                    self.block(orelse)?;
                    self.patch(to_end);
                }
            }
            StmtKind::While { cond, body, orelse } => {
                let top = self.here();
                self.expr(cond)?;
                let to_end = self.emit(Op::JumpIfFalse { target: 0 });
                self.loop_body(top, false, body)?;
                self.at(stmt.span);
                self.emit(Op::Loop { target: top });
                self.patch(to_end);
                self.finish_loop(orelse)?;
            }
            StmtKind::For { target, iter, body, orelse } => {
                self.expr(iter)?;
                self.at(stmt.span);
                self.emit(Op::GetIter);
                let top = self.here();
                let next = self.emit(Op::ForIter { exit: 0 });
                self.store(target)?;
                self.loop_body(top, true, body)?;
                self.at(stmt.span);
                self.emit(Op::Loop { target: top });
                self.patch(next);
                self.finish_loop(orelse)?;
            }
            StmtKind::Break => {
                let Some(context) = self.loops.last() else {
                    return Err(SyntaxError { message: "'break' outside loop".into(), span: stmt.span });
                };
                let (opened, is_for) = (context.cleanups, context.is_for);
                self.leave_blocks(opened, false)?;
                if is_for {
                    self.emit(Op::Pop);
                }
                let jump = self.emit(Op::Jump { target: 0 });
                self.loops.last_mut().expect("checked above").break_jumps.push(jump);
            }
            StmtKind::Continue => {
                let Some(context) = self.loops.last() else {
                    return Err(SyntaxError { message: "'continue' not properly in loop".into(), span: stmt.span });
                };
                let (opened, target) = (context.cleanups, context.continue_target);
                self.leave_blocks(opened, false)?;
                self.emit(Op::Loop { target });
            }
            StmtKind::Pass | StmtKind::Global(_) | StmtKind::Nonlocal(_) => {}
            StmtKind::Del(targets) => {
                for target in targets {
                    self.delete(target)?;
                }
            }
            StmtKind::Def { name, params, body, decorators } => {
                // Decorators are evaluated first, then the default values, in the enclosing scope.
                for decorator in decorators {
                    self.expr(decorator)?;
                }
                let func = self.function(name, params, body, stmt.span)?;
                self.make_function(func, params, stmt.span)?;
                self.decorate(decorators.len());
                self.store_name(name);
            }
            StmtKind::Class { name, bases, body, decorators } => {
                for e in decorators.iter().chain(bases) {
                    self.expr(e)?;
                }
                let func = self.class_body(name, body, stmt.span)?;
                self.at(stmt.span);
                // The body runs as a function that returns its namespace (a closure, in a function).
                self.make_function(func, &crate::ast::Params::default(), stmt.span)?;
                self.emit(Op::Call { argc: 0 });
                let index = self.program.name(&format!("{}{name}", self.prefix));
                self.emit(Op::BuildClass { name: index, bases: bases.len() as u32 });
                self.decorate(decorators.len());
                self.store_name(name);
            }
            StmtKind::Return(value) => {
                if self.code.name == "<module>" {
                    return Err(SyntaxError { message: "'return' outside function".into(), span: stmt.span });
                }
                match value {
                    Some(v) => self.expr(v)?,
                    None => {
                        self.emit(Op::LoadNone);
                    }
                }
                self.leave_blocks(0, true)?;
                self.emit(Op::Return);
            }
            StmtKind::Assert { test, msg } => {
                self.expr(test)?;
                let to_ok = self.emit(Op::JumpIfTrue { target: 0 });
                if let Some(msg) = msg {
                    self.expr(msg)?;
                }
                self.at(stmt.span);
                self.emit(Op::AssertFail { has_message: msg.is_some() });
                self.patch(to_ok);
            }
            StmtKind::Import(names) => {
                for alias in names {
                    // `import a.b` binds `a`, the package (whose body imports `a.b`); `import
                    // a.b as c` binds the module itself.
                    let (module, bound) = match (&alias.asname, alias.name.split_once('.')) {
                        (None, Some((top, _))) => (top, top),
                        _ => (alias.name.as_str(), alias.bound()),
                    };
                    let index = self.program.name(module);
                    self.emit(Op::Import { name: index });
                    self.store_name(bound);
                }
            }
            StmtKind::ImportFrom { module, names } => {
                let index = self.program.name(module);
                self.emit(Op::Import { name: index });
                for alias in names {
                    let name = self.program.name(&alias.name);
                    self.emit(Op::ImportFrom { name });
                    self.store_name(alias.bound());
                }
                self.emit(Op::Pop);
            }
            StmtKind::With { ctx, target, body } => {
                self.expr(ctx)?;
                self.at(stmt.span);
                // The lock is released (or `__exit__` called) however the body ends: an exception
                // passes through a handler that calls it, and raises the exception again unless
                // `__exit__` returned a true value.
                let setup = self.emit(Op::WithEnter { handler: 0, bind: target.is_some() });
                self.cleanups.push(Cleanup::With);
                if let Some(target) = target {
                    self.store(target)?;
                }
                self.block(body)?;
                self.cleanups.pop();
                self.at(stmt.span);
                self.emit(Op::WithEnd);
                let to_end = self.emit(Op::Jump { target: 0 });
                self.patch(setup);
                self.emit(Op::WithExit);
                let to_suppress = self.emit(Op::JumpIfTrue { target: 0 });
                self.emit(Op::Reraise);
                self.patch(to_suppress);
                self.emit(Op::PopExcept);
                self.patch(to_end);
            }
            StmtKind::Try { body, handlers, orelse, finalbody } => self.try_stmt(body, handlers, orelse, finalbody)?,
            StmtKind::Raise { exc, cause } => {
                let mut argc = 0;
                for e in exc.iter().chain(cause) {
                    self.expr(e)?;
                    argc += 1;
                }
                self.at(stmt.span);
                self.emit(Op::Raise { argc });
            }
        }
        Ok(())
    }

    /// Applies the `count` decorators under the value on top of the stack, innermost first.
    fn decorate(&mut self, count: usize) {
        for _ in 0..count {
            self.emit(Op::Call { argc: 1 });
        }
    }

    /// `value obj` -> (sets `obj.name = value`).
    /// `del target`.
    fn delete(&mut self, target: &Target) -> Result<(), SyntaxError> {
        match target {
            Target::Name { name, span } => {
                self.at(*span);
                if self.scope.is_deref(name) {
                    return Err(SyntaxError {
                        message: format!("deleting '{name}', which a nested function uses, is not supported"),
                        span: *span,
                    });
                }
                match self.scope.local_slot(name) {
                    Some(slot) => self.emit(Op::DeleteLocal { slot }),
                    None => {
                        let global = self.program.global(name);
                        self.emit(Op::DeleteGlobal { global })
                    }
                };
            }
            Target::Subscript { obj, index, span } => {
                self.expr(obj)?;
                self.expr(index)?;
                self.at(*span);
                self.emit(Op::DeleteItem);
            }
            Target::Attribute { obj, name, span } => {
                self.expr(obj)?;
                self.at(*span);
                let key = self.program.constant(crate::bytecode::Const::Str(name.to_string()));
                let name = self.program.name(name);
                self.emit(Op::DeleteAttr { name, key });
            }
            Target::Tuple { items, .. } => {
                for item in items {
                    self.delete(item)?;
                }
            }
            Target::Starred { span, .. } => {
                return Err(SyntaxError { message: "cannot delete starred".into(), span: *span })
            }
        }
        Ok(())
    }

    fn set_attr(&mut self, name: &str) {
        let key = self.program.constant(crate::bytecode::Const::Str(name.to_string()));
        let name = self.program.name(name);
        self.emit(Op::SetAttr { name, key });
    }

    fn loop_body(&mut self, continue_target: u32, is_for: bool, body: &[Stmt]) -> Result<(), SyntaxError> {
        let cleanups = self.cleanups.len();
        self.loops.push(LoopContext { continue_target, break_jumps: Vec::new(), cleanups, is_for });
        self.block(body)
    }

    /// Closes the blocks opened since cleanup `from`, innermost first, for code that leaves them
    /// early; with `returning`, a return value sits on top of the stack meanwhile.
    fn leave_blocks(&mut self, from: usize, returning: bool) -> Result<(), SyntaxError> {
        let line = self.line;
        let open: Vec<Cleanup> = self.cleanups[from..].to_vec();
        for (k, cleanup) in open.into_iter().enumerate().rev() {
            match cleanup {
                Cleanup::With => {
                    self.emit(Op::WithEnd);
                }
                Cleanup::Try => {
                    self.emit(Op::PopBlock);
                }
                Cleanup::Handler => {
                    if returning {
                        self.emit(Op::Swap);
                    }
                    self.emit(Op::PopExcept);
                }
                Cleanup::Finally(body) => {
                    self.emit(Op::PopBlock);
                    // The `finally` body runs outside its own block: only the blocks around it
                    // are open while it does.
                    let inner = self.cleanups.split_off(from + k);
                    self.block(&body)?;
                    self.cleanups.extend(inner);
                    self.line = line;
                }
            }
        }
        Ok(())
    }

    /// `try` with `except` clauses, `else` and `finally`. The `finally` body is compiled twice,
    /// as CPython does: once on the way out of a body that ended normally, once in the handler
    /// that runs it for an exception (and raises the exception again). A `break`, `continue` or
    /// `return` inside runs it a third time, on its way out (see [`Self::leave_blocks`]).
    fn try_stmt(
        &mut self,
        body: &[Stmt],
        handlers: &[Handler],
        orelse: &[Stmt],
        finalbody: &[Stmt],
    ) -> Result<(), SyntaxError> {
        let line = self.line;
        let finally = (!finalbody.is_empty()).then(|| self.emit(Op::SetupTry { handler: 0 }));
        if finally.is_some() {
            self.cleanups.push(Cleanup::Finally(finalbody.to_vec()));
        }
        if handlers.is_empty() {
            self.block(body)?;
        } else {
            let setup = self.emit(Op::SetupTry { handler: 0 });
            self.cleanups.push(Cleanup::Try);
            self.block(body)?;
            self.cleanups.pop();
            self.line = line;
            self.emit(Op::PopBlock);
            self.block(orelse)?;
            let mut to_end = vec![self.emit(Op::Jump { target: 0 })];
            // The handler: the exception is on top of the stack, tested clause by clause.
            self.patch(setup);
            for handler in handlers {
                self.at(handler.span);
                let next = match &handler.class {
                    Some(class) => {
                        self.emit(Op::Dup);
                        self.expr(class)?;
                        self.at(handler.span);
                        self.emit(Op::ExceptMatch);
                        Some(self.emit(Op::JumpIfFalse { target: 0 }))
                    }
                    None => None,
                };
                if let Some(name) = &handler.name {
                    self.emit(Op::Dup);
                    self.store_name(name);
                }
                self.cleanups.push(Cleanup::Handler);
                self.block(&handler.body)?;
                self.cleanups.pop();
                self.at(handler.span);
                self.emit(Op::PopExcept);
                to_end.push(self.emit(Op::Jump { target: 0 }));
                if let Some(next) = next {
                    self.patch(next);
                }
            }
            // No clause matched.
            self.emit(Op::Reraise);
            to_end.into_iter().for_each(|jump| self.patch(jump));
        }
        if let Some(setup) = finally {
            self.cleanups.pop();
            self.line = line;
            self.emit(Op::PopBlock);
            self.block(finalbody)?;
            let to_end = self.emit(Op::Jump { target: 0 });
            self.patch(setup);
            self.cleanups.push(Cleanup::Handler);
            self.block(finalbody)?;
            self.cleanups.pop();
            self.emit(Op::Reraise);
            self.patch(to_end);
        }
        Ok(())
    }

    /// Patches the `break`s of the innermost loop to jump here.
    /// Ends a loop whose body is compiled: its `else` block runs when it ends without `break`
    /// (outside the loop: a `break` there leaves the loop around it), and a `break` jumps past it.
    fn finish_loop(&mut self, orelse: &[Stmt]) -> Result<(), SyntaxError> {
        let context = self.loops.pop().expect("finish_loop after loop_body");
        self.block(orelse)?;
        for jump in context.break_jumps {
            self.patch(jump);
        }
        Ok(())
    }

    /// Stores the value on top of the stack into `target`.
    pub(super) fn store(&mut self, target: &Target) -> Result<(), SyntaxError> {
        match target {
            Target::Name { name, span } => {
                self.at(*span);
                self.store_name(name);
            }
            Target::Subscript { obj, index, span } => {
                self.expr(obj)?;
                self.expr(index)?;
                self.at(*span);
                self.emit(Op::SetItem);
            }
            Target::Attribute { obj, name, span } => {
                self.expr(obj)?;
                self.at(*span);
                self.set_attr(name);
            }
            Target::Tuple { items, span } => {
                self.at(*span);
                match items.iter().position(|t| matches!(t, Target::Starred { .. })) {
                    Some(star) => {
                        let (before, after) = (star, items.len() - star - 1);
                        let too_many = || SyntaxError {
                            message: "too many expressions in star-unpacking assignment".into(),
                            span: *span,
                        };
                        let before = u16::try_from(before).map_err(|_| too_many())?;
                        let after = u16::try_from(after).map_err(|_| too_many())?;
                        self.emit(Op::UnpackEx { before, after })
                    }
                    None => self.emit(Op::Unpack { count: items.len() as u32 }),
                };
                for item in items {
                    self.store(item)?;
                }
            }
            Target::Starred { target, .. } => self.store(target)?,
        }
        Ok(())
    }
}
