//! Postfix operations (calls, subscripts, attributes) and atoms (literals, names, displays).
//!
//! The functions on the recursive path (`postfix`, `call`, `items`, `paren`, ...)
//! are kept small, with checks and messages in helpers, so that deep nesting
//! stays cheap in stack even in unoptimized builds.

use super::{Ex, Parser};
use crate::ast::{CompFor, Comprehension, Element, Expr, ExprKind, FPart, Keyword, Span};
use crate::syntax::lexer::Tok;
use crate::syntax::SyntaxError;

type R<T> = Result<T, SyntaxError>;

/// The bracketed sequence an item belongs to, for the checks around it.
#[derive(Clone, Copy)]
enum Seq {
    Call,
    Tuple,
    List,
    Dict,
    Set,
}

impl Parser {
    /// Whether the token `n` ahead starts a call, subscript or attribute (or a power).
    pub(super) fn postfix_follows(&self, n: usize) -> bool {
        matches!(self.peek(n), Tok::Op("(" | "[" | "." | "**"))
    }

    /// An atom followed by calls `f(...)`, subscripts `x[...]` and attributes `x.name`.
    pub(super) fn postfix(&mut self) -> R<Ex> {
        let mut e = self.atom()?;
        loop {
            e = match self.tok() {
                Tok::Op("(") => self.call(e)?,
                Tok::Op("[") => self.index(e)?,
                Tok::Op(".") => self.attribute(e)?,
                _ => return Ok(e),
            };
        }
    }

    /// `func(args)`: positional arguments, `*xs`, `name=value` and `**kw`, in Python's order.
    fn call(&mut self, func: Ex) -> R<Ex> {
        self.bump();
        let (mut args, mut keywords, mut height) = (Vec::new(), Vec::<Keyword>::new(), 0);
        while !self.eat_op(")") {
            let span = self.span();
            let unpacked_keywords = keywords.iter().any(|k| k.name.is_none());
            let item = if self.eat_op("**") {
                let value = self.expr()?;
                keywords.push(Keyword { name: None, value: value.expr });
                value.height
            } else if self.eat_op("*") {
                if unpacked_keywords {
                    let message = "iterable argument unpacking follows keyword argument unpacking";
                    return Err(SyntaxError { message: message.into(), span });
                }
                let value = self.expr()?;
                args.push(Expr { span, kind: ExprKind::Starred(Box::new(value.expr)) });
                value.height + 1
            } else if let (Tok::Name(name), Tok::Op("=")) = (self.tok(), self.peek(1)) {
                let name = name.clone();
                if keywords.iter().any(|k| k.name.as_deref() == Some(name.as_str())) {
                    return Err(SyntaxError { message: format!("keyword argument repeated: {name}"), span });
                }
                self.bump();
                self.bump();
                let value = self.expr()?;
                keywords.push(Keyword { name: Some(name), value: value.expr });
                value.height
            } else {
                if !keywords.is_empty() {
                    let message = if unpacked_keywords {
                        "positional argument follows keyword argument unpacking"
                    } else {
                        "positional argument follows keyword argument"
                    };
                    return Err(SyntaxError { message: message.into(), span });
                }
                let value = self.expr()?;
                if self.is_kw("for") {
                    // `f(x for x in xs)`: a generator expression as the only argument.
                    let genexp = self.generator_expression(value, span)?;
                    if !args.is_empty() || !keywords.is_empty() || !self.is_op(")") {
                        return Err(SyntaxError { message: "Generator expression must be parenthesized".into(), span });
                    }
                    args.push(genexp.expr);
                    genexp.height
                } else {
                    args.push(value.expr);
                    value.height
                }
            };
            height = height.max(item);
            self.item_end(Seq::Call, ")")?;
        }
        let height = func.height.max(height) + 1;
        self.node(func.expr.span, ExprKind::Call { func: Box::new(func.expr), args, keywords }, height)
    }

    /// `obj[index]`: `d[a, b]` indexes with a tuple, `x[a:b:c]` with a slice.
    fn index(&mut self, obj: Ex) -> R<Ex> {
        self.bump();
        let index = self.comma_list(Parser::subscript_item)?;
        self.expect_op("]", "to close the subscript")?;
        let height = obj.height.max(index.height) + 1;
        self.node(obj.expr.span, ExprKind::Subscript { obj: Box::new(obj.expr), index: Box::new(index.expr) }, height)
    }

    /// One item of a subscript: an expression, or a slice `lower:upper:step` (each optional).
    fn subscript_item(&mut self) -> R<Ex> {
        let span = self.span();
        let lower = if self.is_op(":") {
            None
        } else {
            let e = self.expr()?;
            if !self.is_op(":") {
                return Ok(e);
            }
            Some(e)
        };
        self.bump();
        let bound = |p: &mut Parser| -> R<Option<Ex>> {
            if p.starts_expr() {
                p.expr().map(Some)
            } else {
                Ok(None)
            }
        };
        let upper = bound(self)?;
        let step = if self.eat_op(":") { bound(self)? } else { None };
        let height = [&lower, &upper, &step].iter().filter_map(|e| e.as_ref().map(|e| e.height)).max().unwrap_or(0) + 1;
        let boxed = |e: Option<Ex>| e.map(|e| Box::new(e.expr));
        self.node(span, ExprKind::Slice { lower: boxed(lower), upper: boxed(upper), step: boxed(step) }, height)
    }

    /// `obj.name`.
    fn attribute(&mut self, obj: Ex) -> R<Ex> {
        self.bump();
        let (name, _) = self.expect_name("an attribute name after '.'")?;
        self.node(obj.expr.span, ExprKind::Attribute { obj: Box::new(obj.expr), name }, obj.height + 1)
    }

    /// Comma-separated expressions up to `close` (consumed), with an optional trailing comma;
    /// returns them and their greatest height.
    fn items(&mut self, seq: Seq, close: &'static str) -> R<(Vec<Expr>, u32)> {
        let (mut items, mut height) = (Vec::new(), 0);
        while !self.eat_op(close) {
            let item = self.expr()?;
            height = height.max(item.height);
            items.push(item.expr);
            self.item_end(seq, close)?;
        }
        Ok((items, height))
    }

    /// After an item: rejects a comprehension, then consumes a `,` (returning true)
    /// unless the closing bracket follows.
    fn item_end(&mut self, seq: Seq, close: &str) -> R<bool> {
        if self.is_kw("for") {
            return Err(self.fail(match seq {
                Seq::Call => "Generator expression must be parenthesized",
                Seq::Tuple | Seq::List | Seq::Dict | Seq::Set => {
                    "did you forget parentheses around the comprehension target?"
                }
            }));
        }
        if self.eat_op(",") {
            return Ok(true);
        }
        if self.is_op(close) {
            return Ok(false);
        }
        Err(self.unexpected(match seq {
            Seq::Call => "',' or ')' in call arguments",
            Seq::Tuple => "')' or ','",
            Seq::List => "',' or ']' in list",
            Seq::Dict => "',' or '}' in dict",
            Seq::Set => "',' or '}' in set",
        }))
    }

    /// Literals, names, and bracketed displays.
    fn atom(&mut self) -> R<Ex> {
        match self.tok() {
            Tok::Op("(") => self.paren(),
            Tok::Op("[") => self.list(),
            Tok::Op("{") => self.dict(),
            _ => self.literal(),
        }
    }

    /// A literal or a name.
    fn literal(&mut self) -> R<Ex> {
        let span = self.span();
        let kind = match self.tok() {
            Tok::Int(v) => match i64::try_from(*v) {
                Ok(v) => ExprKind::Int(v),
                Err(_) => ExprKind::BigInt(v.to_string()),
            },
            Tok::BigInt(digits) => ExprKind::BigInt(digits.clone()),
            Tok::Float(bits) => ExprKind::Float(f64::from_bits(*bits)),
            Tok::Str(_) | Tok::FStr { .. } => return self.strings(span),
            Tok::Name(name) => ExprKind::Name(name.clone()),
            Tok::Keyword("True") => ExprKind::True,
            Tok::Keyword("False") => ExprKind::False,
            Tok::Keyword("None") => ExprKind::None,
            _ => return Err(self.unexpected("an expression")),
        };
        self.bump();
        self.node(span, kind, 1)
    }

    /// Adjacent string literals, joined; an f-string among them makes the whole an f-string.
    fn strings(&mut self, span: Span) -> R<Ex> {
        let mut parts: Vec<FPart> = Vec::new();
        let mut formatted = false;
        loop {
            let more = match self.tok() {
                Tok::Str(s) => vec![FPart::Lit(s.clone())],
                Tok::FStr { text, raw } => {
                    formatted = true;
                    super::fstring::parts(text, *raw, self.span())?
                }
                _ => break,
            };
            for part in more {
                match (parts.last_mut(), part) {
                    (Some(FPart::Lit(last)), FPart::Lit(text)) => last.push_str(&text),
                    (_, part) => parts.push(part),
                }
            }
            self.bump();
        }
        let kind = match parts.as_slice() {
            _ if formatted => ExprKind::FString(parts),
            [FPart::Lit(text)] => ExprKind::Str(text.clone()),
            _ => ExprKind::Str(String::new()),
        };
        self.node(span, kind, 1)
    }

    /// `()`, `(x)` (just `x`), a tuple `(a,)` / `(a, b)`, a generator expression
    /// `(x for x in xs)`, or `(yield x)`.
    fn paren(&mut self) -> R<Ex> {
        let span = self.bump();
        if self.eat_op(")") {
            return self.node(span, ExprKind::Tuple(Vec::new()), 1);
        }
        if self.is_kw("yield") {
            let e = self.yield_expr()?;
            self.expect_op(")", "to close the parenthesis")?;
            return Ok(e);
        }
        let first = self.expr()?;
        if self.is_kw("for") {
            let genexp = self.generator_expression(first, span)?;
            self.expect_op(")", "to close the generator expression")?;
            return Ok(genexp);
        }
        if !self.item_end(Seq::Tuple, ")")? {
            self.bump();
            return Ok(first);
        }
        let (mut items, height) = self.items(Seq::Tuple, ")")?;
        let height = height.max(first.height) + 1;
        items.insert(0, first.expr);
        self.node(span, ExprKind::Tuple(items), height)
    }

    /// `[a, b, ...]` with an optional trailing comma, or a list comprehension.
    fn list(&mut self) -> R<Ex> {
        let span = self.bump();
        if !self.is_op("]") {
            let first = self.expr()?;
            if self.is_kw("for") {
                let (generators, height) = self.comprehension_clauses()?;
                self.expect_op("]", "to close the list comprehension")?;
                let comprehension = Comprehension { element: Element::List(first.expr), generators };
                return self.node(span, ExprKind::Comprehension(Box::new(comprehension)), height.max(first.height) + 1);
            }
            let more = self.item_end(Seq::List, "]")?;
            let (mut items, height) = if more { self.items(Seq::List, "]")? } else { (Vec::new(), 0) };
            if !more {
                self.expect_op("]", "to close the list")?;
            }
            items.insert(0, first.expr);
            return self.node(span, ExprKind::List(items), height.max(first.height) + 1);
        }
        let (items, height) = self.items(Seq::List, "]")?;
        self.node(span, ExprKind::List(items), height + 1)
    }

    /// The generator expression whose element is `element`, at its first `for`.
    fn generator_expression(&mut self, element: Ex, span: Span) -> R<Ex> {
        let (generators, height) = self.comprehension_clauses()?;
        let comprehension = Comprehension { element: Element::Generator(element.expr), generators };
        self.node(span, ExprKind::Comprehension(Box::new(comprehension)), height.max(element.height) + 1)
    }

    /// `yield`, `yield value`, `yield a, b` or `yield from iterable`, at the `yield`.
    pub(super) fn yield_expr(&mut self) -> R<Ex> {
        if !self.in_function {
            return Err(self.fail("'yield' outside function"));
        }
        let span = self.bump();
        if self.eat_kw("from") {
            let iterable = self.expr()?;
            let height = iterable.height + 1;
            return self.node(span, ExprKind::YieldFrom(Box::new(iterable.expr)), height);
        }
        if !self.starts_expr() || self.is_kw("yield") {
            return self.node(span, ExprKind::Yield(None), 1);
        }
        let value = self.exprlist()?;
        let height = value.height + 1;
        self.node(span, ExprKind::Yield(Some(Box::new(value.expr))), height)
    }

    /// The `for target in iter if cond ...` clauses of a comprehension, at the first `for`; with
    /// the greatest height of their expressions.
    fn comprehension_clauses(&mut self) -> R<(Vec<CompFor>, u32)> {
        let mut generators = Vec::new();
        let mut height = 0;
        while self.is_kw("for") {
            self.bump();
            let target = self.for_target()?;
            let iter = self.binary(super::expr::OR)?;
            height = height.max(iter.height);
            let mut ifs = Vec::new();
            while self.is_kw("if") {
                self.bump();
                let cond = self.binary(super::expr::OR)?;
                height = height.max(cond.height);
                ifs.push(cond.expr);
            }
            generators.push(CompFor { target, iter: iter.expr, ifs });
        }
        if self.is_kw("async") {
            return Err(self.fail("'async' is not supported"));
        }
        Ok((generators, height))
    }

    /// `{k: v, **m, ...}` with an optional trailing comma, a dict comprehension, a set display
    /// `{a, b}` or a set comprehension.
    fn dict(&mut self) -> R<Ex> {
        let span = self.bump();
        if self.eat_op("}") {
            return self.node(span, ExprKind::Dict(Vec::new()), 1);
        }
        let (mut pairs, mut height) = (Vec::new(), 0);
        if !self.is_op("**") {
            let key = self.expr()?;
            if !self.is_op(":") {
                return self.set_display(span, key);
            }
            self.dict_colon()?;
            let value = self.expr()?;
            height = key.height.max(value.height);
            if self.is_kw("for") {
                let (generators, more) = self.comprehension_clauses()?;
                self.expect_op("}", "to close the dict comprehension")?;
                let comprehension = Comprehension { element: Element::Dict(key.expr, value.expr), generators };
                return self.node(span, ExprKind::Comprehension(Box::new(comprehension)), height.max(more) + 1);
            }
            pairs.push((Some(key.expr), value.expr));
            self.item_end(Seq::Dict, "}")?;
        }
        while !self.eat_op("}") {
            if self.eat_op("**") {
                // `**m`: m is a bitwise-or expression, as in Python's grammar.
                self.enter()?;
                let mapping = self.binary(super::expr::BIT_OR);
                self.leave();
                let mapping = mapping?;
                if self.is_kw("for") {
                    return Err(self.fail("dict unpacking cannot be used in dict comprehension"));
                }
                height = height.max(mapping.height);
                pairs.push((None, mapping.expr));
            } else {
                let key = self.expr()?;
                self.dict_colon()?;
                let value = self.expr()?;
                height = height.max(key.height).max(value.height);
                pairs.push((Some(key.expr), value.expr));
            }
            self.item_end(Seq::Dict, "}")?;
        }
        self.node(span, ExprKind::Dict(pairs), height + 1)
    }

    /// The rest of `{first, ...}` or `{first for ...}`, after `first`.
    fn set_display(&mut self, span: Span, first: Ex) -> R<Ex> {
        if self.is_kw("for") {
            let (generators, height) = self.comprehension_clauses()?;
            self.expect_op("}", "to close the set comprehension")?;
            let comprehension = Comprehension { element: Element::Set(first.expr), generators };
            return self.node(span, ExprKind::Comprehension(Box::new(comprehension)), height.max(first.height) + 1);
        }
        let more = self.item_end(Seq::Set, "}")?;
        let (mut items, height) = if more { self.items(Seq::Set, "}")? } else { (Vec::new(), 0) };
        if !more {
            self.expect_op("}", "to close the set")?;
        }
        items.insert(0, first.expr);
        self.node(span, ExprKind::Set(items), height.max(first.height) + 1)
    }

    /// The `:` after a dict key.
    fn dict_colon(&mut self) -> R<()> {
        if self.eat_op(":") {
            return Ok(());
        }
        Err(self.unexpected("':' after dict key"))
    }
}
