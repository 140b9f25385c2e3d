//! The tokenizer: source text to [`Token`]s, the way Python's tokenizer does it.
//!
//! Lines inside `()`, `[]` and `{}` are joined implicitly, a backslash at the end
//! of a line joins it with the next, blank and comment-only lines produce nothing,
//! and changes of indentation at the start of a logical line produce
//! [`Tok::Indent`] / [`Tok::Dedent`]. Every logical line ends with [`Tok::Newline`]
//! (even without a trailing newline in the source) and the stream ends with
//! [`Tok::Eof`].

use super::SyntaxError;
use crate::ast::Span;

/// Brackets may nest at most this deep (Python's tokenizer has the same limit).
pub const MAX_BRACKET_DEPTH: usize = 200;
/// Indentation may nest at most this deep (Python's tokenizer has the same limit).
pub const MAX_INDENT_DEPTH: usize = 100;

/// What a token is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Tok {
    /// An identifier that is not a keyword.
    Name(String),
    /// An integer literal. Its value is at most `2**63`; the one value above
    /// `i64::MAX` is only valid right after a unary minus (`-9223372036854775808`).
    Int(u64),
    /// An integer literal past `2**63`, as its decimal digits.
    BigInt(String),
    /// A float literal, as the bits of its value (so that tokens compare exactly).
    Float(u64),
    /// A string literal, escapes already decoded.
    Str(String),
    /// An f-string literal: its text as written (escapes not decoded; the parser splits it into
    /// literal parts, which it decodes unless `raw`, and replacement fields, which it parses).
    FStr { text: String, raw: bool },
    /// A (hard) keyword of Python 3, such as `if` or `lambda`.
    Keyword(&'static str),
    /// An operator or delimiter, such as `+`, `//=`, `(` or `:`.
    Op(&'static str),
    /// The end of a logical line.
    Newline,
    /// The start of a more deeply indented block.
    Indent,
    /// The end of an indented block.
    Dedent,
    /// The end of the input.
    Eof,
    /// Tokenizing failed here (only in the parser's internal stream; the message
    /// says why). [`tokenize`] returns it as an error instead.
    Error(String),
}

/// A token and the position of its first character.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// What the token is.
    pub kind: Tok,
    /// Where it starts (1-based line and column, columns count characters).
    pub span: Span,
}

/// Python's hard keywords.
const KEYWORDS: &[&str] = &[
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue", "def", "del",
    "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is", "lambda", "nonlocal",
    "not", "or", "pass", "raise", "return", "try", "while", "with", "yield",
];

/// Python's operators and delimiters, longest first so the first match is the longest.
const OPERATORS: &[&str] = &[
    "**=", "//=", ">>=", "<<=", "...", "->", ":=", "**", "//", "<<", ">>", "<=", ">=", "==", "!=", "+=", "-=", "*=",
    "/=", "%=", "&=", "|=", "^=", "@=", "+", "-", "*", "/", "%", "@", "&", "|", "^", "~", "<", ">", "(", ")", "[", "]",
    "{", "}", ",", ":", ".", ";", "=",
];

/// Tokenizes a whole source text.
#[cfg(test)]
pub fn tokenize(source: &str) -> Result<Vec<Token>, SyntaxError> {
    let tokens = tokenize_lossy(source);
    match tokens.last() {
        Some(Token { kind: Tok::Error(message), span }) => Err(SyntaxError { message: message.clone(), span: *span }),
        _ => Ok(tokens),
    }
}

/// Tokenizes as far as possible: the result ends with [`Tok::Eof`], or with a
/// [`Tok::Error`] where tokenizing failed, so the parser can report an earlier
/// syntax error first.
pub(super) fn tokenize_lossy(source: &str) -> Vec<Token> {
    let mut lexer = Lexer::new(source);
    if let Err(e) = lexer.run() {
        lexer.tokens.push(Token { kind: Tok::Error(e.message), span: e.span });
    }
    lexer.tokens
}

/// Tokenizer state. The literal scanners live in `literals.rs`.
pub(super) struct Lexer {
    chars: Vec<char>,
    pos: usize,
    line: u32,
    col: u32,
    tokens: Vec<Token>,
    /// Indentation of the enclosing blocks as (tabs to multiples of 8, tabs as 1).
    indents: Vec<(u32, u32)>,
    /// Open brackets and where they were opened.
    brackets: Vec<(char, Span)>,
    at_line_start: bool,
}

impl Lexer {
    pub(super) fn new(source: &str) -> Lexer {
        let text = source.replace("\r\n", "\n").replace('\r', "\n");
        let mut chars: Vec<char> = text.chars().collect();
        if chars.first() == Some(&'\u{feff}') {
            chars.remove(0);
        }
        Lexer {
            chars,
            pos: 0,
            line: 1,
            col: 1,
            tokens: Vec::new(),
            indents: vec![(0, 0)],
            brackets: Vec::new(),
            at_line_start: true,
        }
    }

    pub(super) fn peek(&self) -> Option<char> {
        self.chars.get(self.pos).copied()
    }

    pub(super) fn peek_at(&self, n: usize) -> Option<char> {
        self.chars.get(self.pos + n).copied()
    }

    pub(super) fn here(&self) -> Span {
        Span::new(self.line, self.col)
    }

    pub(super) fn bump(&mut self) -> Option<char> {
        let c = self.peek()?;
        self.pos += 1;
        if c == '\n' {
            self.line = self.line.saturating_add(1);
            self.col = 1;
        } else {
            self.col = self.col.saturating_add(1);
        }
        Some(c)
    }

    pub(super) fn error(span: Span, message: impl Into<String>) -> SyntaxError {
        SyntaxError { message: message.into(), span }
    }

    fn push(&mut self, kind: Tok, span: Span) {
        self.tokens.push(Token { kind, span });
    }

    fn run(&mut self) -> Result<(), SyntaxError> {
        loop {
            if self.at_line_start {
                self.at_line_start = false;
                if !self.indentation()? {
                    continue;
                }
            }
            let Some(c) = self.peek() else { break };
            let start = self.here();
            match c {
                ' ' | '\t' | '\x0c' => {
                    self.bump();
                }
                '#' => self.skip_comment(),
                '\n' => {
                    self.bump();
                    if self.brackets.is_empty() {
                        self.push(Tok::Newline, start);
                        self.at_line_start = true;
                    }
                }
                '\\' => {
                    self.bump();
                    match self.peek() {
                        Some('\n') => {
                            self.bump();
                        }
                        None => {
                            return Err(Self::error(start, "unexpected end of file after line continuation character"))
                        }
                        Some(_) => {
                            return Err(Self::error(start, "unexpected character after line continuation character"))
                        }
                    }
                }
                '0'..='9' | '.' if c != '.' || self.peek_at(1).is_some_and(|d| d.is_ascii_digit()) => {
                    let token = match self.number()? {
                        super::literals::Number::Int(value) => Tok::Int(value),
                        super::literals::Number::BigInt(digits) => Tok::BigInt(digits),
                        super::literals::Number::Float(value) => Tok::Float(value.to_bits()),
                    };
                    self.push(token, start);
                }
                '\'' | '"' => {
                    let s = self.string(start, false)?;
                    self.push(Tok::Str(s), start);
                }
                c if is_ident_start(c) => self.word(start)?,
                _ => self.operator(start)?,
            }
        }
        if let Some(&(open, span)) = self.brackets.last() {
            return Err(Self::error(span, format!("'{open}' was never closed")));
        }
        let end = self.here();
        if !matches!(self.tokens.last().map(|t| &t.kind), None | Some(Tok::Newline)) {
            self.push(Tok::Newline, end);
        }
        for _ in 1..self.indents.len() {
            self.push(Tok::Dedent, end);
        }
        self.push(Tok::Eof, end);
        Ok(())
    }

    fn skip_comment(&mut self) {
        while self.peek().is_some_and(|c| c != '\n') {
            self.bump();
        }
    }

    /// Measures the indentation of a new line and emits INDENT/DEDENT tokens.
    /// Returns false when the line was blank or a comment only (and was skipped).
    fn indentation(&mut self) -> Result<bool, SyntaxError> {
        let (mut col, mut alt) = (0u32, 0u32);
        loop {
            match self.peek() {
                Some(' ') => {
                    col = col.saturating_add(1);
                    alt = alt.saturating_add(1);
                }
                Some('\t') => {
                    col = (col / 8).saturating_add(1).saturating_mul(8);
                    alt = alt.saturating_add(1);
                }
                Some('\x0c') => (col, alt) = (0, 0),
                _ => break,
            }
            self.bump();
        }
        match self.peek() {
            None => return Ok(true),
            Some('#') => {
                self.skip_comment();
                self.bump();
                self.at_line_start = true;
                return Ok(false);
            }
            Some('\n') => {
                self.bump();
                self.at_line_start = true;
                return Ok(false);
            }
            Some(_) => {}
        }
        let span = self.here();
        let inconsistent = || Self::error(span, "inconsistent use of tabs and spaces in indentation");
        let (top, top_alt) = self.indents.last().copied().unwrap_or((0, 0));
        if col == top {
            if alt != top_alt {
                return Err(inconsistent());
            }
        } else if col > top {
            if alt <= top_alt {
                return Err(inconsistent());
            }
            if self.indents.len() > MAX_INDENT_DEPTH {
                return Err(Self::error(span, "too many levels of indentation (too many nested blocks)"));
            }
            self.indents.push((col, alt));
            self.push(Tok::Indent, span);
        } else {
            while self.indents.len() > 1 && self.indents.last().is_some_and(|&(c, _)| col < c) {
                self.indents.pop();
                self.push(Tok::Dedent, span);
            }
            let (top, top_alt) = self.indents.last().copied().unwrap_or((0, 0));
            if col != top {
                return Err(Self::error(span, "unindent does not match any outer indentation level"));
            }
            if alt != top_alt {
                return Err(inconsistent());
            }
        }
        Ok(true)
    }

    /// An identifier, a keyword, or a prefixed string literal such as `r'...'`.
    fn word(&mut self, start: Span) -> Result<(), SyntaxError> {
        let mut word = String::new();
        while let Some(c) = self.peek().filter(|&c| is_ident_continue(c)) {
            word.push(c);
            self.bump();
        }
        if matches!(self.peek(), Some('\'' | '"')) {
            let prefix = word.to_ascii_lowercase();
            if prefix.len() <= 2 && !prefix.is_empty() && prefix.chars().all(|c| "rbuft".contains(c)) {
                if prefix.contains('f') && !prefix.contains('b') && !prefix.contains('t') && !prefix.contains('u') {
                    let text = self.string(start, true)?;
                    self.push(Tok::FStr { text, raw: prefix.contains('r') }, start);
                    return Ok(());
                }
                if prefix.contains('b') {
                    return Err(Self::error(start, "bytes literals are not supported"));
                }
                if prefix.contains('t') {
                    return Err(Self::error(start, "t-strings (template strings) are not supported"));
                }
                if prefix == "u" || prefix == "r" {
                    let s = self.string(start, prefix == "r")?;
                    self.push(Tok::Str(s), start);
                    return Ok(());
                }
            }
        }
        let kind = match KEYWORDS.iter().find(|&&k| k == word) {
            Some(k) => Tok::Keyword(k),
            None => Tok::Name(word),
        };
        self.push(kind, start);
        Ok(())
    }

    fn operator(&mut self, start: Span) -> Result<(), SyntaxError> {
        let matches = |op: &&str| op.chars().enumerate().all(|(i, c)| self.peek_at(i) == Some(c));
        let Some(op) = OPERATORS.iter().copied().find(matches) else {
            let c = self.peek().unwrap_or(' ');
            let message = match c {
                '!' => "invalid character '!' (U+0021); did you mean 'not' or '!='?".to_string(),
                '\0' => "source code cannot contain null bytes".to_string(),
                _ => format!("invalid character '{c}' (U+{:04X})", c as u32),
            };
            return Err(Self::error(start, message));
        };
        for _ in 0..op.chars().count() {
            self.bump();
        }
        match op {
            "(" | "[" | "{" => {
                if self.brackets.len() >= MAX_BRACKET_DEPTH {
                    return Err(Self::error(start, "too many nested parentheses"));
                }
                self.brackets.push((op.chars().next().unwrap_or('('), start));
            }
            ")" | "]" | "}" => {
                let close = op.chars().next().unwrap_or(')');
                match self.brackets.pop() {
                    None => return Err(Self::error(start, format!("unmatched '{close}'"))),
                    Some((open, open_span)) if closing(open) != close => {
                        let mut message =
                            format!("closing parenthesis '{close}' does not match opening parenthesis '{open}'");
                        if open_span.line != start.line {
                            message.push_str(&format!(" on line {}", open_span.line));
                        }
                        return Err(Self::error(start, message));
                    }
                    Some(_) => {}
                }
            }
            _ => {}
        }
        self.push(Tok::Op(op), start);
        Ok(())
    }
}

fn closing(open: char) -> char {
    match open {
        '(' => ')',
        '[' => ']',
        _ => '}',
    }
}

pub(super) fn is_ident_start(c: char) -> bool {
    c == '_' || c.is_alphabetic()
}

pub(super) fn is_ident_continue(c: char) -> bool {
    c == '_' || c.is_alphanumeric()
}
