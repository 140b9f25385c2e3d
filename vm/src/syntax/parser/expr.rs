//! Expressions, by precedence climbing.
//!
//! From lowest to highest: `x if c else y`, `or`, `and`, `not`, comparisons,
//! (`|`, `^`, `&`, shifts: rejected), `+ -`, `* // %` (`/` and `@` rejected),
//! unary `- +`, (`**`: rejected), then calls, attributes and subscripts on atoms.

use super::{Ex, Parser};
use crate::ast::{BinOp, BoolOp, CmpOp, ExprKind, UnaryOp};
use crate::syntax::lexer::Tok;
use crate::syntax::SyntaxError;

type R<T> = Result<T, SyntaxError>;

pub(super) const OR: u8 = 1;
const AND: u8 = 2;
const NOT: u8 = 3;
const CMP: u8 = 4;
/// The level of `|`: the loosest operator allowed in a `for` target (so `in` is left alone).
pub(super) const BIT_OR: u8 = 5;
const BIT_XOR: u8 = 6;
const BIT_AND: u8 = 7;
const SHIFT: u8 = 8;
const ARITH: u8 = 9;
const TERM: u8 = 10;
const UNARY: u8 = 11;

/// A binary operator found in infix position.
enum Infix {
    Bool(BoolOp),
    Cmp(CmpOp),
    Arith(BinOp),
    /// An operator outside the subset, with the message naming it.
    Unsupported(&'static str),
}

impl Parser {
    /// One expression (Python's `test`): a conditional expression or anything tighter.
    pub(super) fn expr(&mut self) -> R<Ex> {
        if self.is_kw("lambda") {
            return self.lambda();
        }
        self.enter()?;
        let result = match self.binary(OR) {
            Ok(then) if self.is_kw("if") => self.conditional(then),
            other => other,
        };
        self.leave();
        result
    }

    /// `lambda params: body`.
    fn lambda(&mut self) -> R<Ex> {
        let span = self.bump();
        let params = self.lambda_params()?;
        self.enter()?;
        let saved = std::mem::replace(&mut self.in_function, true);
        let body = self.expr();
        self.in_function = saved;
        self.leave();
        let body = body?;
        let kind = ExprKind::Lambda { params: Box::new(params), body: Box::new(body.expr) };
        self.node(span, kind, body.height + 1)
    }

    /// The rest of `then if cond else orelse`, at the `if`.
    fn conditional(&mut self, then: Ex) -> R<Ex> {
        self.bump();
        let cond = self.binary(OR)?;
        if !self.eat_kw("else") {
            return Err(self.unexpected("'else' in conditional expression"));
        }
        let orelse = self.expr()?;
        let (span, height) = (then.expr.span, then.height.max(cond.height).max(orelse.height) + 1);
        let kind =
            ExprKind::IfExp { cond: Box::new(cond.expr), then: Box::new(then.expr), orelse: Box::new(orelse.expr) };
        self.node(span, kind, height)
    }

    /// `item, item, ...`: one item, or a tuple when there is a comma (a trailing one is fine).
    pub(super) fn comma_list(&mut self, item: fn(&mut Parser) -> R<Ex>) -> R<Ex> {
        let first = item(self)?;
        if !self.is_op(",") {
            return Ok(first);
        }
        let span = first.expr.span;
        let mut height = first.height;
        let mut items = vec![first.expr];
        while self.eat_op(",") {
            if !self.starts_expr() {
                break;
            }
            let next = item(self)?;
            height = height.max(next.height);
            items.push(next.expr);
        }
        self.node(span, ExprKind::Tuple(items), height + 1)
    }

    /// Expressions separated by commas (`return a, b`, `x = 1, 2`): a bare tuple if more than one.
    pub(super) fn exprlist(&mut self) -> R<Ex> {
        self.comma_list(Parser::expr)
    }

    /// Whether the current token can start an expression (including unsupported ones, to name them).
    pub(super) fn starts_expr(&self) -> bool {
        match self.tok() {
            Tok::Name(_) | Tok::Int(_) | Tok::BigInt(_) | Tok::Float(_) | Tok::Str(_) | Tok::FStr { .. } => true,
            Tok::Keyword(k) => matches!(*k, "True" | "False" | "None" | "not" | "lambda" | "yield" | "await"),
            Tok::Op(o) => matches!(*o, "(" | "[" | "{" | "-" | "+" | "~" | "*" | "**" | "..."),
            _ => false,
        }
    }

    /// The binary operator at the cursor, its precedence and how many tokens it spans.
    fn infix(&self) -> Option<(u8, Infix, usize)> {
        let bad = |level, message| Some((level, Infix::Unsupported(message), 1));
        let cmp = |op| Some((CMP, Infix::Cmp(op), 1));
        let arith = |level, op| Some((level, Infix::Arith(op), 1));
        match self.tok() {
            Tok::Keyword("or") => Some((OR, Infix::Bool(BoolOp::Or), 1)),
            Tok::Keyword("and") => Some((AND, Infix::Bool(BoolOp::And), 1)),
            Tok::Keyword("in") => cmp(CmpOp::In),
            Tok::Keyword("not") if matches!(self.peek(1), Tok::Keyword("in")) => {
                Some((CMP, Infix::Cmp(CmpOp::NotIn), 2))
            }
            Tok::Keyword("is") if matches!(self.peek(1), Tok::Keyword("not")) => {
                Some((CMP, Infix::Cmp(CmpOp::IsNot), 2))
            }
            Tok::Keyword("is") => cmp(CmpOp::Is),
            Tok::Op("==") => cmp(CmpOp::Eq),
            Tok::Op("!=") => cmp(CmpOp::Ne),
            Tok::Op("<") => cmp(CmpOp::Lt),
            Tok::Op("<=") => cmp(CmpOp::Le),
            Tok::Op(">") => cmp(CmpOp::Gt),
            Tok::Op(">=") => cmp(CmpOp::Ge),
            Tok::Op("|") => arith(BIT_OR, BinOp::BitOr),
            Tok::Op("^") => arith(BIT_XOR, BinOp::BitXor),
            Tok::Op("&") => arith(BIT_AND, BinOp::BitAnd),
            Tok::Op("<<") => arith(SHIFT, BinOp::LShift),
            Tok::Op(">>") => arith(SHIFT, BinOp::RShift),
            Tok::Op("+") => arith(ARITH, BinOp::Add),
            Tok::Op("-") => arith(ARITH, BinOp::Sub),
            Tok::Op("*") => arith(TERM, BinOp::Mul),
            Tok::Op("//") => arith(TERM, BinOp::FloorDiv),
            Tok::Op("%") => arith(TERM, BinOp::Mod),
            Tok::Op("/") => arith(TERM, BinOp::Div),
            Tok::Op("@") => bad(TERM, "matrix multiplication operator '@' is not supported"),
            _ => None,
        }
    }

    /// Operators binding at least as tightly as `min`, left-associative; comparisons do not chain.
    pub(super) fn binary(&mut self, min: u8) -> R<Ex> {
        let mut left = self.prefix(min)?;
        while let Some((level, op)) = self.take_infix(min)? {
            let right = self.binary(level + 1)?;
            left = self.combine(op, left, right)?;
        }
        Ok(left)
    }

    /// Consumes the binary operator at the cursor if it binds at least as tightly as `min`.
    fn take_infix(&mut self, min: u8) -> R<Option<(u8, Infix)>> {
        match self.infix() {
            Some((level, _, _)) if level < min => Ok(None),
            Some((_, Infix::Unsupported(message), _)) => Err(self.fail(message)),
            Some((level, op, width)) => {
                for _ in 0..width {
                    self.bump();
                }
                Ok(Some((level, op)))
            }
            None => Ok(None),
        }
    }

    /// Builds `left op right`, or a chain when more comparisons follow a comparison.
    fn combine(&mut self, op: Infix, left: Ex, right: Ex) -> R<Ex> {
        let (span, height) = (left.expr.span, left.height.max(right.height) + 1);
        let (l, r) = (Box::new(left.expr), Box::new(right.expr));
        let kind = match op {
            Infix::Bool(op) => ExprKind::BoolOp { op, left: l, right: r },
            Infix::Cmp(op) => ExprKind::Compare { op, left: l, right: r },
            Infix::Arith(op) => ExprKind::Binary { op, left: l, right: r },
            Infix::Unsupported(message) => return Err(self.fail(message)),
        };
        let ExprKind::Compare { op, left, right } = kind else { return self.node(span, kind, height) };
        if !matches!(self.infix(), Some((CMP, _, _))) {
            return self.node(span, ExprKind::Compare { op, left, right }, height);
        }
        let mut comparisons = vec![(op, *right)];
        let mut height = height;
        while let Some((CMP, Infix::Cmp(_), _)) = self.infix() {
            let Some((_, Infix::Cmp(op))) = self.take_infix(CMP)? else { break };
            let operand = self.binary(CMP + 1)?;
            height = height.max(operand.height + 1);
            comparisons.push((op, operand.expr));
        }
        self.node(span, ExprKind::CompareChain { left, comparisons }, height)
    }

    /// Prefix operators (`not`, unary `-`/`+`), or a postfix expression.
    fn prefix(&mut self, min: u8) -> R<Ex> {
        match self.tok() {
            Tok::Keyword("not") if min <= NOT => self.unary(UnaryOp::Not),
            Tok::Op("-") => self.unary(UnaryOp::Neg),
            Tok::Op("+") => self.unary(UnaryOp::Pos),
            Tok::Op("~") => self.unary(UnaryOp::Invert),
            // `*x`: in a display or a target (the compiler refuses it anywhere else).
            Tok::Op("*") => {
                let span = self.bump();
                self.enter()?;
                let operand = self.binary(BIT_OR);
                self.leave();
                let operand = operand?;
                let height = operand.height + 1;
                self.node(span, ExprKind::Starred(Box::new(operand.expr)), height)
            }
            Tok::Op("**") => Err(self.fail("'**' (dict unpacking) is not supported here")),
            _ => self.power(),
        }
    }

    /// A postfix expression, raised to a power if `**` follows: `**` binds tighter than a unary
    /// operator on its left (`-2 ** 2` is `-4`) and is right-associative, its right operand a
    /// unary expression (`2 ** -1`).
    fn power(&mut self) -> R<Ex> {
        let base = self.postfix()?;
        if !self.is_op("**") {
            return Ok(base);
        }
        self.bump();
        self.enter()?;
        let exponent = self.prefix(UNARY);
        self.leave();
        let exponent = exponent?;
        let (span, height) = (base.expr.span, base.height.max(exponent.height) + 1);
        let kind = ExprKind::Binary { op: BinOp::Pow, left: Box::new(base.expr), right: Box::new(exponent.expr) };
        self.node(span, kind, height)
    }

    /// A unary operator (at the cursor) and its operand.
    fn unary(&mut self, op: UnaryOp) -> R<Ex> {
        let span = self.bump();
        if op == UnaryOp::Neg && matches!(self.tok(), Tok::Int(v) if *v == 1 << 63) && !self.postfix_follows(1) {
            self.bump();
            return self.node(span, ExprKind::Int(i64::MIN), 1);
        }
        self.enter()?;
        let operand = if op == UnaryOp::Not { self.binary(NOT) } else { self.prefix(UNARY) };
        self.leave();
        let operand = operand?;
        self.node(span, ExprKind::Unary { op, operand: Box::new(operand.expr) }, operand.height + 1)
    }
}
