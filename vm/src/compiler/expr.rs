//! Compiling expressions.

use super::FunctionCompiler;
use crate::ast::{BoolOp, Expr, ExprKind};
use crate::bytecode::{Const, Op};
use crate::syntax::SyntaxError;

/// Deeper expressions than this are rejected instead of overflowing the compiler's stack.
const MAX_DEPTH: usize = 400;

impl FunctionCompiler<'_> {
    pub(super) fn expr(&mut self, e: &Expr) -> Result<(), SyntaxError> {
        self.expr_at_depth(e, 0)
    }

    fn expr_at_depth(&mut self, e: &Expr, depth: usize) -> Result<(), SyntaxError> {
        if depth > MAX_DEPTH {
            return Err(SyntaxError { message: "expression too deeply nested".into(), span: e.span });
        }
        let sub = |c: &mut Self, e: &Expr| c.expr_at_depth(e, depth + 1);
        self.at(e.span);
        match &e.kind {
            ExprKind::Int(v) => {
                match i32::try_from(*v) {
                    Ok(value) => self.emit(Op::LoadSmallInt { value }),
                    Err(_) => {
                        let index = self.program.constant(Const::Int(*v));
                        self.emit(Op::LoadConst { index })
                    }
                };
            }
            ExprKind::Str(s) => {
                let index = self.program.constant(Const::Str(s.clone()));
                self.emit(Op::LoadConst { index });
            }
            ExprKind::True => {
                self.emit(Op::LoadBool { value: true });
            }
            ExprKind::False => {
                self.emit(Op::LoadBool { value: false });
            }
            ExprKind::None => {
                self.emit(Op::LoadNone);
            }
            ExprKind::Name(name) => self.load_name(name),
            ExprKind::List(items) | ExprKind::Tuple(items) => {
                for item in items {
                    sub(self, item)?;
                }
                self.at(e.span);
                let count = items.len() as u32;
                match e.kind {
                    ExprKind::List(_) => self.emit(Op::BuildList { count }),
                    _ => self.emit(Op::BuildTuple { count }),
                };
            }
            ExprKind::Dict(pairs) => {
                for (k, v) in pairs {
                    sub(self, k)?;
                    sub(self, v)?;
                }
                self.at(e.span);
                self.emit(Op::BuildDict { count: pairs.len() as u32 });
            }
            ExprKind::Call { func, args } => {
                if let ExprKind::Attribute { obj, name } = &func.kind {
                    sub(self, obj)?;
                    let name = self.program.name(name);
                    if !args.is_empty() {
                        self.at(e.span);
                        self.emit(Op::CheckMethod { name });
                    }
                    for arg in args {
                        sub(self, arg)?;
                    }
                    self.at(e.span);
                    self.emit(Op::CallMethod { name, argc: args.len() as u32 });
                } else {
                    sub(self, func)?;
                    for arg in args {
                        sub(self, arg)?;
                    }
                    self.at(e.span);
                    self.emit(Op::Call { argc: args.len() as u32 });
                }
            }
            ExprKind::Attribute { obj, name } => {
                sub(self, obj)?;
                let name = self.program.name(name);
                self.at(e.span);
                self.emit(Op::GetAttr { name });
            }
            ExprKind::Subscript { obj, index } => {
                sub(self, obj)?;
                sub(self, index)?;
                self.at(e.span);
                self.emit(Op::GetItem);
            }
            ExprKind::Unary { op, operand } => {
                sub(self, operand)?;
                self.at(e.span);
                self.emit(Op::Unary { op: *op });
            }
            ExprKind::Binary { op, left, right } => {
                sub(self, left)?;
                sub(self, right)?;
                self.at(e.span);
                self.emit(Op::Binary { op: *op });
            }
            ExprKind::Compare { op, left, right } => {
                sub(self, left)?;
                sub(self, right)?;
                self.at(e.span);
                self.emit(Op::Compare { op: *op });
            }
            ExprKind::BoolOp { op, left, right } => {
                sub(self, left)?;
                let jump = match op {
                    BoolOp::And => self.emit(Op::JumpIfFalseOrPop { target: 0 }),
                    BoolOp::Or => self.emit(Op::JumpIfTrueOrPop { target: 0 }),
                };
                sub(self, right)?;
                self.patch(jump);
            }
            ExprKind::IfExp { cond, then, orelse } => {
                sub(self, cond)?;
                let to_else = self.emit(Op::JumpIfFalse { target: 0 });
                sub(self, then)?;
                let to_end = self.emit(Op::Jump { target: 0 });
                self.patch(to_else);
                sub(self, orelse)?;
                self.patch(to_end);
            }
        }
        Ok(())
    }
}
