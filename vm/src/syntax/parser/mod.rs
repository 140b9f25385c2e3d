//! A recursive-descent parser over the token stream.
//!
//! Operators are in `expr.rs`, calls and atoms in `atoms.rs`, statements in `stmt.rs`, assignment targets in
//! `target.rs`; this file holds the token cursor and error helpers.

mod atoms;
mod expr;
mod fstring;
mod stmt;
mod target;

use super::lexer::{tokenize_lossy, Tok, Token};
use super::SyntaxError;
use crate::ast::{Expr, Span};

/// Nested expressions (brackets, prefix operators, conditional expressions) plus
/// nested blocks may go at most this deep: this bounds the parser's recursion,
/// which costs up to about 6 KiB of stack per level in unoptimized builds.
const MAX_NESTING: u32 = 200;
/// A parsed expression tree may be at most this high (long operator chains included).
const MAX_HEIGHT: u32 = 300;
/// Blocks plus `elif` branches (which nest in the tree) may nest at most this deep.
const MAX_BLOCKS: u32 = 200;

/// An expression together with the height of its tree, so that no tree grows
/// deep enough to overflow the stack of whoever walks (or drops) it.
pub(super) struct Ex {
    pub(super) expr: Expr,
    pub(super) height: u32,
}

/// The parser state: a token cursor plus the context needed for early errors.
pub(crate) struct Parser {
    tokens: Vec<Token>,
    pos: usize,
    /// Current expression recursion depth.
    depth: u32,
    /// Current block nesting depth, `elif` branches included.
    blocks: u32,
    /// Current indented-block depth (recursion of the statement parser).
    indents: u32,
    in_function: bool,
    loop_depth: u32,
}

impl Parser {
    /// A parser over the tokens of `source`.
    pub(crate) fn new(source: &str) -> Parser {
        let mut tokens = tokenize_lossy(source);
        if tokens.is_empty() {
            tokens.push(Token { kind: Tok::Eof, span: Span::new(1, 1) });
        }
        Parser { tokens, pos: 0, depth: 0, blocks: 0, indents: 0, in_function: false, loop_depth: 0 }
    }

    /// The current token (the stream always ends with `Eof` or `Error`, where the cursor stays).
    fn tok(&self) -> &Tok {
        self.peek(0)
    }

    /// The token `n` places ahead of the cursor (or the final token).
    fn peek(&self, n: usize) -> &Tok {
        let i = self.pos.saturating_add(n).min(self.tokens.len() - 1);
        &self.tokens[i].kind
    }

    fn span(&self) -> Span {
        self.tokens[self.pos].span
    }

    /// Moves past the current token and returns its span.
    fn bump(&mut self) -> Span {
        let span = self.span();
        if self.pos + 1 < self.tokens.len() {
            self.pos += 1;
        }
        span
    }

    fn is_op(&self, op: &str) -> bool {
        matches!(self.tok(), Tok::Op(o) if *o == op)
    }

    fn is_kw(&self, kw: &str) -> bool {
        matches!(self.tok(), Tok::Keyword(k) if *k == kw)
    }

    fn eat_op(&mut self, op: &str) -> bool {
        let found = self.is_op(op);
        if found {
            self.bump();
        }
        found
    }

    fn eat_kw(&mut self, kw: &str) -> bool {
        let found = self.is_kw(kw);
        if found {
            self.bump();
        }
        found
    }

    /// Consumes `op` or fails with "expected `op` `context`, found ...".
    fn expect_op(&mut self, op: &str, context: &str) -> Result<Span, SyntaxError> {
        if self.is_op(op) {
            Ok(self.bump())
        } else {
            Err(self.unexpected(&format!("'{op}' {context}")))
        }
    }

    /// Consumes a name or fails with "expected `what`, found ...".
    fn expect_name(&mut self, what: &str) -> Result<(String, Span), SyntaxError> {
        match self.tok() {
            Tok::Name(name) => {
                let name = name.clone();
                Ok((name, self.bump()))
            }
            _ => Err(self.unexpected(what)),
        }
    }

    /// An error at the current token. A tokenizing error there takes precedence.
    fn fail(&self, message: impl Into<String>) -> SyntaxError {
        match self.tok() {
            Tok::Error(lexer_message) => SyntaxError { message: lexer_message.clone(), span: self.span() },
            _ => SyntaxError { message: message.into(), span: self.span() },
        }
    }

    /// "expected `expected`, found <current token>", unless the current token is
    /// itself an unsupported construct, which is then named instead.
    fn unexpected(&self, expected: &str) -> SyntaxError {
        if let Some(message) = unsupported_token(self.tok()) {
            return self.fail(message);
        }
        self.fail(format!("expected {expected}, found {}", describe(self.tok())))
    }

    /// Enters one level of expression recursion.
    fn enter(&mut self) -> Result<(), SyntaxError> {
        self.depth += 1;
        if self.depth + self.indents > MAX_NESTING {
            return Err(self.fail(format!(
                "too many nested parentheses/blocks (expressions nested more than {MAX_NESTING} levels deep, \
                 blocks included)"
            )));
        }
        Ok(())
    }

    fn leave(&mut self) {
        self.depth = self.depth.saturating_sub(1);
    }

    /// Builds an expression node of the given height, refusing trees that are too high.
    fn node(&self, span: Span, kind: crate::ast::ExprKind, height: u32) -> Result<Ex, SyntaxError> {
        if height > MAX_HEIGHT {
            return Err(SyntaxError {
                message: format!("expression too deeply nested (more than {MAX_HEIGHT} levels of operators/calls)"),
                span,
            });
        }
        Ok(Ex { expr: Expr { span, kind }, height })
    }
}

/// How a token reads in an error message ("found ...").
pub(super) fn describe(tok: &Tok) -> String {
    match tok {
        Tok::Name(name) => format!("name '{name}'"),
        Tok::Int(value) => format!("integer literal {value}"),
        Tok::BigInt(digits) => format!("integer literal {digits}"),
        Tok::Float(_) => "float literal".to_string(),
        Tok::Str(_) | Tok::FStr { .. } => "string literal".to_string(),
        Tok::Keyword(kw) => format!("keyword '{kw}'"),
        Tok::Op(op) => format!("'{op}'"),
        Tok::Newline => "end of line".to_string(),
        Tok::Indent => "an indented line".to_string(),
        Tok::Dedent => "end of block".to_string(),
        Tok::Eof => "end of file".to_string(),
        Tok::Error(message) => message.clone(),
    }
}

/// The message for a token that always starts (or is) an unsupported construct.
fn unsupported_token(tok: &Tok) -> Option<&'static str> {
    Some(match tok {
        Tok::Keyword("await") => "'await' is not supported",
        Tok::Keyword("async") => "'async' is not supported",
        Tok::Op(":=") => "assignment expressions (':=', the walrus operator) are not supported",
        Tok::Op("...") => "Ellipsis ('...') is not supported",
        Tok::Op("->") => "return annotations ('->') are not supported",
        _ => return None,
    })
}
