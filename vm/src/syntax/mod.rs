//! The front end: tokenizing and parsing source text into an [`ast::Module`](crate::ast::Module).
//!
//! Anything outside the supported subset of Python is a [`SyntaxError`] whose
//! message names the construct ("lambda expressions are not supported"), and any
//! other mistake says what was expected and what was found. No input makes the
//! parser panic or overflow its stack: nesting is bounded and reported as an error.

pub mod lexer;
mod literals;
mod parser;

#[cfg(test)]
mod tests;

/// A syntax error: what was expected, what was found, and where.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct SyntaxError {
    /// What went wrong, for a person to read.
    pub message: String,
    /// The position of the offending token.
    pub span: crate::ast::Span,
}

/// Parses a whole source file into a module.
pub fn parse(source: &str) -> Result<crate::ast::Module, SyntaxError> {
    if let Some(at) = source.find('\0') {
        // As CPython: a NUL byte anywhere, even inside a string literal, is refused outright.
        let before = source[..at].replace("\r\n", "\n").replace('\r', "\n");
        let line = before.matches('\n').count() as u32 + 1;
        let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) as u32 + 1;
        return Err(SyntaxError {
            message: "source code cannot contain null bytes".into(),
            span: crate::ast::Span { line, col },
        });
    }
    parser::Parser::new(source).module()
}
