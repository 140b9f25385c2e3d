//! f-strings: the text of an `f'...'` literal split into literal parts and replacement fields
//! (`{expr!conversion:spec}`, `{expr=}`), with CPython 3.11's rules and messages. A field's
//! expression is parsed by a parser of its own over its text.

use super::Parser;
use crate::ast::{Expr, FPart, Span};
use crate::syntax::lexer::{Lexer, Tok};
use crate::syntax::SyntaxError;

type R<T> = Result<T, SyntaxError>;

fn error(message: impl Into<String>, span: Span) -> SyntaxError {
    SyntaxError { message: message.into(), span }
}

/// The parts of an f-string whose text (as written) is `text`; `raw` for `rf'...'`.
pub(super) fn parts(text: &str, raw: bool, span: Span) -> R<Vec<FPart>> {
    let chars: Vec<char> = text.chars().collect();
    let mut at = 0;
    let parts = parts_until(&chars, &mut at, raw, span, false)?;
    Ok(parts)
}

/// Parts up to the end, or (in a format spec) up to the `}` that closes the field.
fn parts_until(chars: &[char], at: &mut usize, raw: bool, span: Span, in_spec: bool) -> R<Vec<FPart>> {
    let mut parts = Vec::new();
    let mut literal = String::new();
    let flush = |literal: &mut String, parts: &mut Vec<FPart>| -> R<()> {
        if !literal.is_empty() {
            let text =
                if raw { std::mem::take(literal) } else { Lexer::decode_escapes(&std::mem::take(literal), span)? };
            parts.push(FPart::Lit(text));
        }
        Ok(())
    };
    while *at < chars.len() {
        let c = chars[*at];
        let doubled = chars.get(*at + 1) == Some(&c);
        match c {
            '{' if doubled && !in_spec => {
                literal.push('{');
                *at += 2;
            }
            '}' if in_spec => break,
            '}' if doubled => {
                literal.push('}');
                *at += 2;
            }
            '}' => return Err(error("f-string: single '}' is not allowed", span)),
            '{' => {
                flush(&mut literal, &mut parts)?;
                *at += 1;
                field(chars, at, raw, span, &mut parts)?;
            }
            _ => {
                literal.push(c);
                *at += 1;
            }
        }
    }
    flush(&mut literal, &mut parts)?;
    Ok(parts)
}

/// A replacement field, its `{` consumed: appends its parts (a `{x=}` field adds its text too).
fn field(chars: &[char], at: &mut usize, raw: bool, span: Span, parts: &mut Vec<FPart>) -> R<()> {
    let start = *at;
    let mut depth = 0usize;
    let mut quote: Option<char> = None;
    let mut end = None;
    while *at < chars.len() {
        let c = chars[*at];
        if let Some(q) = quote {
            if c == q {
                quote = None;
            }
        } else {
            match c {
                '\\' => return Err(error("f-string expression part cannot include a backslash", span)),
                '\'' | '"' => quote = Some(c),
                '(' | '[' | '{' => depth += 1,
                ')' | ']' | '}' if depth > 0 => depth -= 1,
                '}' | ':' if depth == 0 => {
                    end = Some(*at);
                    break;
                }
                '!' if depth == 0 && chars.get(*at + 1) != Some(&'=') => {
                    end = Some(*at);
                    break;
                }
                '=' if depth == 0
                    && chars.get(*at + 1) != Some(&'=')
                    && !matches!(chars.get(at.wrapping_sub(1)), Some('=' | '!' | '<' | '>')) =>
                {
                    end = Some(*at);
                    break;
                }
                _ => {}
            }
        }
        *at += 1;
    }
    let Some(end) = end else {
        return Err(error("f-string: expecting '}'", span));
    };
    let source: String = chars[start..end].iter().collect();
    if source.trim().is_empty() {
        return Err(error("f-string: empty expression not allowed", span));
    }
    let value = expression(&source, span)?;
    let mut conversion = None;
    if chars[*at] == '=' {
        // `{x=}`: the text, then the value's repr unless a conversion or spec says otherwise.
        *at += 1;
        let mut text = format!("{source}=");
        while let Some(&c @ (' ' | '\t')) = chars.get(*at) {
            text.push(c);
            *at += 1;
        }
        parts.push(FPart::Lit(text));
        if !matches!(chars.get(*at), Some('!' | ':')) {
            conversion = Some('r');
        }
    }
    if chars.get(*at) == Some(&'!') {
        conversion = match chars.get(*at + 1) {
            Some(&c @ ('s' | 'r' | 'a')) => Some(c),
            _ => return Err(error("f-string: invalid conversion character: expected 's', 'r', or 'a'", span)),
        };
        *at += 2;
    }
    let mut spec = Vec::new();
    if chars.get(*at) == Some(&':') {
        *at += 1;
        spec = parts_until(chars, at, raw, span, true)?;
        if spec.iter().any(|p| matches!(p, FPart::Field { spec, .. } if !spec.is_empty())) {
            return Err(error("f-string: expressions nested too deeply", span));
        }
    }
    if chars.get(*at) != Some(&'}') {
        return Err(error("f-string: expecting '}'", span));
    }
    *at += 1;
    parts.push(FPart::Field { value: Box::new(value), conversion, spec });
    Ok(())
}

/// A field's expression, parsed on its own (in parentheses, as CPython does: `{a, b}` is a tuple),
/// on the f-string's line, so that its errors at run time name that line.
fn expression(source: &str, span: Span) -> R<Expr> {
    let lines_before = "\n".repeat(span.line.saturating_sub(1) as usize);
    let mut parser = Parser::new(&format!("{lines_before}({source})"));
    let relocate = |mut e: SyntaxError| {
        e.span = span;
        e.message = format!("f-string: {}", e.message);
        e
    };
    let value = parser.expr().map_err(relocate)?;
    if !matches!(parser.tok(), Tok::Newline | Tok::Eof) {
        return Err(relocate(parser.unexpected("the end of the expression")));
    }
    Ok(value.expr)
}
