//! Scanning number and string literals (part of the [`Lexer`]).

use super::lexer::{is_ident_continue, Lexer};
use super::SyntaxError;
use crate::ast::Span;

/// The largest magnitude a small literal token holds: `-2**63` is written `-` then `2**63`.
const MAX_MAGNITUDE: u64 = 1 << 63;

/// A number literal's value.
pub(super) enum Number {
    Int(u64),
    /// An integer literal past `2**63`, as its decimal digits.
    BigInt(String),
    Float(f64),
}

impl Lexer {
    /// Scans a number literal: an integer (decimal, or `0x`/`0o`/`0b`) or a float (`1.5`, `.5`,
    /// `1.`, `1e-3`), with `_` separators between digits. Complex literals are rejected with an
    /// error naming them.
    pub(super) fn number(&mut self) -> Result<Number, SyntaxError> {
        let start = self.here();
        let radix = match (self.peek(), self.peek_at(1)) {
            (Some('0'), Some('x' | 'X')) => 16,
            (Some('0'), Some('o' | 'O')) => 8,
            (Some('0'), Some('b' | 'B')) => 2,
            _ => 10,
        };
        let mut digits = String::new();
        if radix != 10 {
            self.bump();
            self.bump();
            while let Some(c) = self.peek().filter(|&c| c.is_ascii_alphanumeric() || c == '_') {
                digits.push(c);
                self.bump();
            }
            return Self::digits_value(&digits, radix, start);
        }
        self.decimal_digits(&mut digits);
        let mut float = false;
        if self.peek() == Some('.') {
            float = true;
            digits.push('.');
            self.bump();
            self.decimal_digits(&mut digits);
        }
        if let (Some('e' | 'E'), Some(d)) = (self.peek(), self.peek_at(1)) {
            let signed = matches!(d, '+' | '-') && self.peek_at(2).is_some_and(|d| d.is_ascii_digit());
            if d.is_ascii_digit() || signed {
                float = true;
                digits.push('e');
                self.bump();
                if signed {
                    digits.push(d);
                    self.bump();
                }
                self.decimal_digits(&mut digits);
            }
        }
        match self.peek() {
            Some('j' | 'J') => return Err(Self::error(start, "complex literals are not supported")),
            Some(c) if is_ident_continue(c) => return Err(Self::error(start, "invalid decimal literal")),
            _ => {}
        }
        if float {
            // `_` may only stand between two digits, as in the integer part.
            let misplaced = digits
                .split(['.', 'e', '+', '-'])
                .any(|part| part.starts_with('_') || part.ends_with('_') || part.contains("__"));
            if misplaced {
                return Err(Self::error(start, "invalid decimal literal"));
            }
            // Rust's parse is correctly rounded, as CPython's is.
            let text: String = digits.chars().filter(|&c| c != '_').collect();
            return text.parse::<f64>().map(Number::Float).map_err(|_| Self::error(start, "invalid decimal literal"));
        }
        if digits.starts_with('0') && digits.chars().any(|c| c != '0' && c != '_') {
            return Err(Self::error(
                start,
                "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers",
            ));
        }
        Self::digits_value(&digits, 10, start)
    }

    fn decimal_digits(&mut self, digits: &mut String) {
        while let Some(c) = self.peek().filter(|&c| c.is_ascii_digit() || c == '_') {
            digits.push(c);
            self.bump();
        }
    }

    fn digits_value(digits: &str, radix: u32, start: Span) -> Result<Number, SyntaxError> {
        let kind = match radix {
            16 => "hexadecimal",
            8 => "octal",
            2 => "binary",
            _ => "decimal",
        };
        // After a base prefix one leading `_` is allowed (`0x_ff`); otherwise `_` must sit between digits.
        let body = if radix != 10 { digits.strip_prefix('_').unwrap_or(digits) } else { digits };
        if body.is_empty() || body.starts_with('_') || body.ends_with('_') || body.contains("__") {
            return Err(Self::error(start, format!("invalid {kind} literal")));
        }
        let mut value: u64 = 0;
        for c in body.chars().filter(|&c| c != '_') {
            let Some(d) = c.to_digit(radix) else {
                return Err(Self::error(start, format!("invalid digit '{c}' in {kind} literal")));
            };
            let next = value.checked_mul(u64::from(radix)).and_then(|v| v.checked_add(u64::from(d)));
            match next.filter(|&v| v <= MAX_MAGNITUDE) {
                Some(v) => value = v,
                None => {
                    // Past 2**63: a big int, kept as its decimal digits (every digit is valid:
                    // the rest are checked first).
                    if let Some(c) = body.chars().find(|&c| c != '_' && c.to_digit(radix).is_none()) {
                        return Err(Self::error(start, format!("invalid digit '{c}' in {kind} literal")));
                    }
                    let clean: String = body.chars().filter(|&c| c != '_').collect();
                    let big = num_bigint::BigUint::parse_bytes(clean.as_bytes(), radix)
                        .ok_or_else(|| Self::error(start, format!("invalid {kind} literal")))?;
                    return Ok(Number::BigInt(big.to_string()));
                }
            }
        }
        Ok(Number::Int(value))
    }

    /// Scans a string literal starting at the opening quote (the prefix, if any,
    /// is already consumed) and returns its decoded value.
    pub(super) fn string(&mut self, start: Span, raw: bool) -> Result<String, SyntaxError> {
        let quote = self.peek().unwrap_or('"');
        let triple = self.peek_at(1) == Some(quote) && self.peek_at(2) == Some(quote);
        for _ in 0..if triple { 3 } else { 1 } {
            self.bump();
        }
        let unterminated = |line: u32| {
            if triple {
                Self::error(start, "unterminated triple-quoted string literal")
            } else {
                Self::error(start, format!("unterminated string literal (detected at line {line})"))
            }
        };
        let mut out = String::new();
        loop {
            let Some(c) = self.peek() else {
                return Err(unterminated(self.here().line));
            };
            if c == quote {
                self.bump();
                if !triple {
                    break;
                }
                if self.peek() == Some(quote) && self.peek_at(1) == Some(quote) {
                    self.bump();
                    self.bump();
                    break;
                }
                out.push(quote);
            } else if c == '\n' {
                if !triple {
                    return Err(unterminated(self.here().line));
                }
                out.push('\n');
                self.bump();
            } else if c == '\\' {
                let escape_span = self.here();
                self.bump();
                let Some(e) = self.peek() else {
                    return Err(unterminated(self.here().line));
                };
                if raw {
                    out.push('\\');
                    out.push(e);
                    self.bump();
                } else {
                    self.escape(e, escape_span, &mut out)?;
                }
            } else {
                out.push(c);
                self.bump();
            }
        }
        Ok(out)
    }

    /// Decodes the escape sequences of `raw`, the text of a string literal as written (an
    /// f-string's literal part); errors point at `span`.
    pub(super) fn decode_escapes(raw: &str, span: Span) -> Result<String, SyntaxError> {
        let mut lexer = Lexer::new(raw);
        let mut out = String::new();
        while let Some(c) = lexer.peek() {
            lexer.bump();
            if c != '\\' {
                out.push(c);
                continue;
            }
            match lexer.peek() {
                Some(e) => lexer.escape(e, span, &mut out)?,
                None => out.push('\\'),
            }
        }
        Ok(out)
    }

    /// Decodes the escape sequence whose backslash is consumed and whose next character is `e`.
    fn escape(&mut self, e: char, span: Span, out: &mut String) -> Result<(), SyntaxError> {
        self.bump();
        let simple = match e {
            '\n' => return Ok(()),
            '\\' | '\'' | '"' => Some(e),
            'n' => Some('\n'),
            't' => Some('\t'),
            'r' => Some('\r'),
            'a' => Some('\x07'),
            'b' => Some('\x08'),
            'f' => Some('\x0c'),
            'v' => Some('\x0b'),
            _ => None,
        };
        if let Some(c) = simple {
            out.push(c);
            return Ok(());
        }
        let code = match e {
            '0'..='7' => {
                let mut value = e.to_digit(8).unwrap_or(0);
                for _ in 0..2 {
                    match self.peek().and_then(|c| c.to_digit(8)) {
                        Some(d) => {
                            value = value * 8 + d;
                            self.bump();
                        }
                        None => break,
                    }
                }
                value
            }
            'x' => self.hex_escape(2, "\\xXX", span)?,
            'u' => self.hex_escape(4, "\\uXXXX", span)?,
            'U' => self.hex_escape(8, "\\UXXXXXXXX", span)?,
            'N' => return Err(Self::error(span, "\\N{...} escapes are not supported")),
            _ => {
                // Like Python, an unknown escape keeps its backslash.
                out.push('\\');
                out.push(e);
                return Ok(());
            }
        };
        let c = char::from_u32(code).ok_or_else(|| {
            Self::error(span, format!("invalid escape: U+{code:04X} is not a valid character (surrogate or too large)"))
        })?;
        out.push(c);
        Ok(())
    }

    fn hex_escape(&mut self, len: usize, form: &str, span: Span) -> Result<u32, SyntaxError> {
        let mut value: u32 = 0;
        for _ in 0..len {
            let Some(d) = self.peek().and_then(|c| c.to_digit(16)) else {
                return Err(Self::error(span, format!("truncated {form} escape in string literal")));
            };
            value = value.saturating_mul(16).saturating_add(d);
            self.bump();
        }
        Ok(value)
    }
}
