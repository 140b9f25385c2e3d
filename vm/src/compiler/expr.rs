//! Compiling expressions.

use super::FunctionCompiler;
use crate::ast::{BoolOp, Expr, ExprKind};
use crate::bytecode::{Const, Op};
use crate::syntax::SyntaxError;

/// Deeper expressions than this are rejected instead of overflowing the compiler's stack.
const MAX_DEPTH: usize = 400;

/// Whether CPython's compiler sees `e` as a constant (a literal, a negated number, a tuple of
/// constants), as it decides whether to fold a set display.
fn is_constant(e: &Expr) -> bool {
    match &e.kind {
        ExprKind::Int(_)
        | ExprKind::BigInt(_)
        | ExprKind::Float(_)
        | ExprKind::Str(_)
        | ExprKind::True
        | ExprKind::False
        | ExprKind::None => true,
        ExprKind::Unary { op: crate::ast::UnaryOp::Neg | crate::ast::UnaryOp::Pos, operand } => {
            matches!(operand.kind, ExprKind::Int(_) | ExprKind::BigInt(_) | ExprKind::Float(_))
        }
        ExprKind::Tuple(items) => items.iter().all(is_constant),
        _ => false,
    }
}

impl FunctionCompiler<'_> {
    /// A list, tuple or set display with `*xs` items, built as a list: the plain items before the
    /// first star, then each item appended or each starred iterable's items added, in order.
    fn starred_display(&mut self, items: &[Expr], span: crate::ast::Span) -> Result<(), SyntaxError> {
        let leading = items.iter().take_while(|i| !matches!(i.kind, ExprKind::Starred(_))).count();
        for item in &items[..leading] {
            self.expr(item)?;
        }
        self.at(span);
        self.emit(Op::BuildList { count: leading as u32 });
        for item in &items[leading..] {
            match &item.kind {
                ExprKind::Starred(inner) => {
                    self.expr(inner)?;
                    self.at(item.span);
                    self.emit(Op::DisplayExtend);
                }
                _ => {
                    self.expr(item)?;
                    self.emit(Op::ListAppend);
                }
            }
        }
        Ok(())
    }

    /// A `yield` must be in a function's own body (which it made a generator function), not in a
    /// comprehension (a function of its own here, as in CPython).
    fn check_yield(&self, span: crate::ast::Span) -> Result<(), SyntaxError> {
        if self.code.generator && self.code.name != "<genexpr>" {
            return Ok(());
        }
        let message = match self.code.name.as_str() {
            "<listcomp>" => "'yield' inside list comprehension",
            "<dictcomp>" => "'yield' inside dict comprehension",
            "<setcomp>" => "'yield' inside set comprehension",
            "<genexpr>" => "'yield' inside generator expression",
            _ => "'yield' outside function",
        };
        Err(SyntaxError { message: message.into(), span })
    }

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
            ExprKind::BigInt(digits) => {
                let index = self.program.constant(Const::BigInt(digits.clone()));
                self.emit(Op::LoadConst { index });
            }
            ExprKind::Float(f) => {
                let index = self.program.constant(Const::Float(f.to_bits()));
                self.emit(Op::LoadConst { index });
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
            ExprKind::List(items) | ExprKind::Tuple(items)
                if items.iter().any(|i| matches!(i.kind, ExprKind::Starred(_))) =>
            {
                self.starred_display(items, e.span)?;
                if let ExprKind::Tuple(_) = e.kind {
                    self.emit(Op::ListToTuple);
                }
            }
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
                // The pairs before the first `**m` build the dict; each later item merges in.
                let leading = pairs.iter().take_while(|(k, _)| k.is_some()).count();
                for (k, v) in &pairs[..leading] {
                    sub(self, k.as_ref().expect("a leading pair has a key"))?;
                    sub(self, v)?;
                }
                self.at(e.span);
                self.emit(Op::BuildDict { count: leading as u32 });
                for (k, v) in &pairs[leading..] {
                    if let Some(k) = k {
                        sub(self, k)?;
                        sub(self, v)?;
                        self.emit(Op::BuildDict { count: 1 });
                    } else {
                        sub(self, v)?;
                    }
                    self.at(v.span);
                    self.emit(Op::DictMerge);
                }
            }
            ExprKind::Call { func, args, keywords } => {
                let method = if let ExprKind::Attribute { obj, name } = &func.kind {
                    sub(self, obj)?;
                    let name = self.program.name(name);
                    if !args.is_empty() || !keywords.is_empty() {
                        self.at(e.span);
                        self.emit(Op::CheckMethod { name });
                    }
                    Some(name)
                } else {
                    sub(self, func)?;
                    None
                };
                let unpacks = args.iter().any(|a| matches!(a.kind, ExprKind::Starred(_)))
                    || keywords.iter().any(|k| k.name.is_none());
                if unpacks {
                    // `f(a, *xs, k=v, **kw)`: a list of the positional arguments and a dict of the
                    // keyword ones, built in order (CPython's `CALL_FUNCTION_EX`).
                    self.emit(Op::BuildList { count: 0 });
                    for arg in args {
                        match &arg.kind {
                            ExprKind::Starred(value) => {
                                sub(self, value)?;
                                self.at(arg.span);
                                self.emit(Op::ListExtend);
                            }
                            _ => {
                                sub(self, arg)?;
                                self.emit(Op::ListAppend);
                            }
                        }
                    }
                    self.emit(Op::BuildDict { count: 0 });
                    for keyword in keywords {
                        match &keyword.name {
                            Some(name) => {
                                let index = self.program.constant(Const::Str(name.clone()));
                                self.emit(Op::LoadConst { index });
                                sub(self, &keyword.value)?;
                                self.at(e.span);
                                self.emit(Op::KeywordAdd);
                            }
                            None => {
                                sub(self, &keyword.value)?;
                                self.at(e.span);
                                self.emit(Op::KeywordMerge);
                            }
                        }
                    }
                    self.at(e.span);
                    match method {
                        Some(name) => self.emit(Op::CallMethodEx { name }),
                        None => self.emit(Op::CallEx),
                    };
                } else {
                    for arg in args {
                        sub(self, arg)?;
                    }
                    for keyword in keywords {
                        sub(self, &keyword.value)?;
                    }
                    let argc = (args.len() + keywords.len()) as u32;
                    self.at(e.span);
                    if keywords.is_empty() {
                        match method {
                            Some(name) => self.emit(Op::CallMethod { name, argc }),
                            None => self.emit(Op::Call { argc }),
                        };
                    } else {
                        let names = keywords.iter().filter_map(|k| k.name.clone()).collect();
                        let names = self.program.keyword_names(names);
                        match method {
                            Some(name) => {
                                let too_many =
                                    || SyntaxError { message: "too many arguments in a call".into(), span: e.span };
                                let argc = u16::try_from(argc).map_err(|_| too_many())?;
                                let names = u16::try_from(names).map_err(|_| too_many())?;
                                self.emit(Op::CallMethodKw { name, argc, names })
                            }
                            None => self.emit(Op::CallKw { argc, names }),
                        };
                    }
                }
            }
            ExprKind::FString(parts) => {
                self.fstring(parts, depth)?;
            }
            ExprKind::Starred(_) => {
                return Err(SyntaxError { message: "can't use starred expression here".into(), span: e.span });
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
            ExprKind::CompareChain { left, comparisons } => {
                // `a < b < c`: `b` is kept (under a copy) for the next comparison; a false one
                // jumps out, leaving its result above the kept operand, which is then dropped.
                sub(self, left)?;
                let mut exits = Vec::new();
                for (k, (op, operand)) in comparisons.iter().enumerate() {
                    sub(self, operand)?;
                    self.at(e.span);
                    if k + 1 < comparisons.len() {
                        self.emit(Op::Dup);
                        self.emit(Op::Rot3);
                        self.emit(Op::Compare { op: *op });
                        exits.push(self.emit(Op::JumpIfFalseOrPop { target: 0 }));
                    } else {
                        self.emit(Op::Compare { op: *op });
                    }
                }
                let to_end = self.emit(Op::Jump { target: 0 });
                exits.into_iter().for_each(|jump| self.patch(jump));
                self.emit(Op::Swap);
                self.emit(Op::Pop);
                self.patch(to_end);
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
            ExprKind::Lambda { params, body } => self.lambda(params, body, e.span)?,
            ExprKind::Comprehension(comp) => self.comprehension(comp, e.span)?,
            ExprKind::Yield(value) => {
                self.check_yield(e.span)?;
                match value {
                    Some(v) => self.expr(v)?,
                    None => {
                        self.emit(Op::LoadNone);
                    }
                }
                self.at(e.span);
                self.emit(Op::Yield);
            }
            ExprKind::Set(items) if items.iter().any(|i| matches!(i.kind, ExprKind::Starred(_))) => {
                self.starred_display(items, e.span)?;
                self.emit(Op::ListToSet);
            }
            ExprKind::Set(items) => {
                for item in items {
                    self.expr(item)?;
                }
                self.at(e.span);
                // CPython folds a display of three or more constants into a frozenset constant.
                let folded = items.len() > 2 && items.iter().all(is_constant);
                self.emit(Op::BuildSet { count: items.len() as u32, folded });
            }
            ExprKind::Slice { lower, upper, step } => {
                for part in [lower, upper, step] {
                    match part {
                        Some(e) => self.expr(e)?,
                        None => {
                            self.emit(Op::LoadNone);
                        }
                    }
                }
                self.at(e.span);
                self.emit(Op::BuildSlice);
            }
            ExprKind::YieldFrom(iterable) => {
                self.check_yield(e.span)?;
                self.expr(iterable)?;
                self.at(e.span);
                self.emit(Op::GetIter);
                self.emit(Op::LoadNone);
                self.emit(Op::YieldFrom);
            }
        }
        Ok(())
    }

    /// An f-string: each part as a str (a field formatted by `FormatValue`), then joined.
    fn fstring(&mut self, parts: &[crate::ast::FPart], depth: usize) -> Result<(), SyntaxError> {
        use crate::ast::FPart;
        let line = self.line;
        for part in parts {
            match part {
                FPart::Lit(text) => {
                    let index = self.program.constant(Const::Str(text.clone()));
                    self.emit(Op::LoadConst { index });
                }
                FPart::Field { value, conversion, spec } => {
                    self.expr_at_depth(value, depth + 1)?;
                    if !spec.is_empty() {
                        self.fstring(spec, depth + 1)?;
                    }
                    self.line = line;
                    let conversion = conversion.map_or(0, |c| c as u8);
                    self.emit(Op::FormatValue { conversion, spec: !spec.is_empty() });
                }
            }
        }
        if parts.len() != 1 {
            self.emit(Op::BuildString { count: parts.len() as u32 });
        }
        Ok(())
    }
}
