//! Compiling statements.

use super::{FunctionCompiler, LoopContext};
use crate::ast::{Stmt, StmtKind, Target};
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
                Target::Tuple { span, .. } => {
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
            StmtKind::While { cond, body } => {
                let top = self.here();
                self.expr(cond)?;
                let to_end = self.emit(Op::JumpIfFalse { target: 0 });
                self.loop_body(top, false, body)?;
                self.at(stmt.span);
                self.emit(Op::Loop { target: top });
                self.patch(to_end);
                self.finish_loop();
            }
            StmtKind::For { target, iter, body } => {
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
                self.finish_loop();
            }
            StmtKind::Break => {
                let Some(context) = self.loops.last() else {
                    return Err(SyntaxError { message: "'break' outside loop".into(), span: stmt.span });
                };
                let (opened, is_for) = (self.with_depth - context.with_depth, context.is_for);
                (0..opened).for_each(|_| {
                    self.emit(Op::WithExit);
                });
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
                let (opened, target) = (self.with_depth - context.with_depth, context.continue_target);
                (0..opened).for_each(|_| {
                    self.emit(Op::WithExit);
                });
                self.emit(Op::Loop { target });
            }
            StmtKind::Pass | StmtKind::Global(_) => {}
            StmtKind::Def { name, params, body } => {
                let func = self.function(name, params, body, stmt.span)?;
                self.at(stmt.span);
                self.emit(Op::LoadFunc { func });
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
                (0..self.with_depth).for_each(|_| {
                    self.emit(Op::WithExit);
                });
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
            StmtKind::Import(name) => {
                let index = self.program.name(name);
                self.emit(Op::Import { name: index });
                self.store_name(name);
            }
            StmtKind::With { ctx, body } => {
                self.expr(ctx)?;
                self.at(stmt.span);
                self.emit(Op::WithEnter);
                self.with_depth += 1;
                self.block(body)?;
                self.with_depth -= 1;
                self.at(stmt.span);
                self.emit(Op::WithExit);
            }
        }
        Ok(())
    }

    fn loop_body(&mut self, continue_target: u32, is_for: bool, body: &[Stmt]) -> Result<(), SyntaxError> {
        self.loops.push(LoopContext { continue_target, break_jumps: Vec::new(), with_depth: self.with_depth, is_for });
        self.block(body)
    }

    /// Patches the `break`s of the innermost loop to jump here.
    fn finish_loop(&mut self) {
        let context = self.loops.pop().expect("finish_loop after loop_body");
        for jump in context.break_jumps {
            self.patch(jump);
        }
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
            Target::Tuple { items, span } => {
                self.at(*span);
                self.emit(Op::Unpack { count: items.len() as u32 });
                for item in items {
                    self.store(item)?;
                }
            }
        }
        Ok(())
    }
}
