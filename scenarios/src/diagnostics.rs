//! Rendering syntax errors with the source line and a caret under the spot.

use emlab_vm::SyntaxError;
use miette::{Diagnostic, NamedSource, SourceSpan};

/// A syntax error ready for miette's renderer.
#[derive(Debug, thiserror::Error, Diagnostic)]
#[error("SyntaxError: {message}")]
#[diagnostic()]
pub struct SyntaxDiagnostic {
    message: String,
    #[source_code]
    source_code: NamedSource<String>,
    #[label("here")]
    span: SourceSpan,
}

/// The byte offset of a 1-based line and column (counted in characters) in `source`.
pub fn byte_offset(source: &str, line: u32, col: u32) -> usize {
    let mut offset = 0;
    for (i, text) in source.split_inclusive('\n').enumerate() {
        if i + 1 == line as usize {
            let within: usize = text.chars().take(col.saturating_sub(1) as usize).map(char::len_utf8).sum();
            return offset + within;
        }
        offset += text.len();
    }
    source.len()
}

/// The full message: a one-line `file:line:col: SyntaxError: ...` summary, then the annotated source.
pub fn render_syntax_error(file: &str, source: &str, error: &SyntaxError) -> String {
    // The lexer counts `\r\n` and a lone `\r` as one line break; so must the caret.
    let normalized = crate::source::normalize_newlines(source.to_string());
    let source = normalized.as_str();
    let offset = byte_offset(source, error.span.line, error.span.col);
    let len = source[offset..].chars().next().map_or(0, |c| if c == '\n' { 0 } else { c.len_utf8() });
    let diagnostic = SyntaxDiagnostic {
        message: error.message.clone(),
        source_code: NamedSource::new(file, source.to_string()),
        span: (offset, len).into(),
    };
    let mut annotated = String::new();
    let handler = miette::GraphicalReportHandler::new_themed(miette::GraphicalTheme::unicode_nocolor());
    if handler.render_report(&mut annotated, &diagnostic).is_err() {
        annotated.clear();
    }
    format!("{file}:{}:{}: SyntaxError: {}\n{annotated}", error.span.line, error.span.col, error.message)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_count_characters_within_the_line() {
        let source = "ab\nxé = 1\n";
        assert_eq!(byte_offset(source, 1, 1), 0);
        assert_eq!(byte_offset(source, 2, 1), 3);
        assert_eq!(byte_offset(source, 2, 3), 6);
        assert_eq!(byte_offset(source, 9, 1), source.len());
    }
}
