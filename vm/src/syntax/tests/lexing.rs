//! The tokenizer: literals, escapes, layout tokens.

use super::{err_at, ex};
use crate::ast::Span;
use crate::syntax::lexer::{tokenize, Tok};

fn kinds(src: &str) -> Vec<Tok> {
    tokenize(src).unwrap_or_else(|e| panic!("{src:?}: {e}")).into_iter().map(|t| t.kind).collect()
}

#[test]
fn layout_tokens() {
    use Tok::*;
    let name = |s: &str| Name(s.to_string());
    assert_eq!(
        kinds("if a:\n    b\nc"),
        [Keyword("if"), name("a"), Op(":"), Newline, Indent, name("b"), Newline, Dedent, name("c"), Newline, Eof]
    );
    assert_eq!(kinds(""), [Eof]);
    assert_eq!(kinds("x //= 2 ** 3"), [name("x"), Op("//="), Int(2), Op("**"), Int(3), Newline, Eof]);
    assert_eq!(
        kinds("1.5 .25 1e3 1_0.5E-1"),
        [
            Float(1.5f64.to_bits()),
            Float(0.25f64.to_bits()),
            Float(1e3f64.to_bits()),
            Float(1.05f64.to_bits()),
            Newline,
            Eof
        ]
    );
    assert_eq!(kinds("a\\\n  .b"), [name("a"), Op("."), name("b"), Newline, Eof]);
    assert_eq!(kinds("x\n  \n\t# c\n"), [name("x"), Newline, Eof]);
    let e = tokenize("if a:\n    b\n  c").unwrap_err();
    assert_eq!((e.message.as_str(), e.span), ("unindent does not match any outer indentation level", Span::new(3, 3)));
    let spans: Vec<Span> = tokenize("ab  'c'\n(d,\n e)").unwrap().iter().map(|t| t.span).collect();
    assert_eq!(spans[..3], [Span::new(1, 1), Span::new(1, 5), Span::new(1, 8)]);
    assert_eq!(spans[6], Span::new(3, 2));
}

#[test]
fn string_escapes() {
    assert_eq!(ex(r#"'a\nb\tc\\d\'e\"f\rg\0h'"#), "\"a\\nb\\tc\\\\d'e\\\"f\\rg\\0h\"");
    assert_eq!(ex(r"'\x41\u00e9\U0001F600\101\a\b\f\v'"), format!("{:?}", "A\u{e9}\u{1F600}A\x07\x08\x0c\x0b"));
    assert_eq!(ex(r"'\d\q'"), format!("{:?}", "\\d\\q"));
    assert_eq!(ex("'a\\\nb'"), "\"ab\"");
    assert_eq!(ex(r#""it's""#), "\"it's\"");
    assert_eq!(ex(r"r'\n\''"), format!("{:?}", "\\n\\'"));
    assert_eq!(ex("u'x' \"y\" R'\\z'"), format!("{:?}", "xy\\z"));
    assert_eq!(ex("''"), "\"\"");
}

#[test]
fn triple_quoted_strings() {
    assert_eq!(ex("'''a\n'b'\n\"\"c'''"), format!("{:?}", "a\n'b'\n\"\"c"));
    assert_eq!(ex("\"\"\"x\"\"\" 'y'"), "\"xy\"");
    assert_eq!(ex("'''a\\''''"), "\"a'\"");
    assert_eq!(ex("'''a'' '''"), "\"a'' \"");
    // A string spanning lines keeps the following spans right.
    err_at("s = '''\n\n''' + 1j", "complex literals are not supported", 3, 7);
}

#[test]
fn literal_errors() {
    err_at("x = 1._5", "invalid decimal literal", 1, 5);
    err_at("x = 1e_3", "invalid decimal literal", 1, 5);
    err_at("x = 1.5x", "invalid decimal literal", 1, 5);
    err_at("x = 2j", "complex literals are not supported", 1, 5);
    err_at(&format!("x = 0x{}g", "f".repeat(30)), "invalid digit 'g' in hexadecimal literal", 1, 5);
    err_at(&format!("x = {}_", "9".repeat(30)), "invalid decimal literal", 1, 5);
    err_at("x = 012", "leading zeros", 1, 5);
    err_at("x = 1__0", "invalid decimal literal", 1, 5);
    err_at("x = 10_", "invalid decimal literal", 1, 5);
    err_at("x = 12abc", "invalid decimal literal", 1, 5);
    err_at("x = 0x", "invalid hexadecimal literal", 1, 5);
    err_at("x = 0b102", "invalid digit '2' in binary literal", 1, 5);
    err_at("x = Fb'{y}'", "bytes literals are not supported", 1, 5);
    err_at("x = F\"{y\"", "f-string: expecting '}'", 1, 5);
    err_at("x = rb'y'", "bytes literals are not supported", 1, 5);
    err_at("x = b'y'", "bytes literals are not supported", 1, 5);
    err_at("x = 'abc", "unterminated string literal (detected at line 1)", 1, 5);
    err_at("x = 'abc\ny'", "unterminated string literal", 1, 5);
    err_at("x = '''abc\n\n", "unterminated triple-quoted string literal", 1, 5);
    err_at("x = 'ab\\", "unterminated string literal", 1, 5);
    err_at("x = r'\\'", "unterminated string literal", 1, 5);
    err_at("x = 'a\\x4g'", "truncated \\xXX escape", 1, 7);
    err_at("x = 'a\\ud800'", "not a valid character", 1, 7);
    err_at("x = '\\N{DASH}'", "\\N{...} escapes are not supported", 1, 6);
}

#[test]
fn character_and_layout_errors() {
    err_at("x = $y", "invalid character '$' (U+0024)", 1, 5);
    err_at("x = a ? b", "invalid character '?'", 1, 7);
    err_at("x = !a", "invalid character '!'", 1, 5);
    err_at("x = 1 \\ 2", "unexpected character after line continuation character", 1, 7);
    err_at("x = 1 \\", "unexpected end of file after line continuation character", 1, 7);
    err_at("x = (1, 2", "'(' was never closed", 1, 5);
    err_at("x = [1, 2)", "closing parenthesis ')' does not match opening parenthesis '['", 1, 10);
    err_at("x = 1)", "unmatched ')'", 1, 6);
    err_at("if a:\n    x = 1\n  y = 2\n", "unindent does not match any outer indentation level", 3, 3);
    err_at("if a:\n        x = 1\n\tx = 2\n", "inconsistent use of tabs and spaces", 3, 2);
    err_at("x = 1\n    y = 2\n", "unexpected indent", 2, 5);
    err_at("  x = 1\n", "unexpected indent", 1, 3);
    // As CPython: the first NUL byte is the error, even inside a string literal.
    err_at("x = '\0'\n\0", "source code cannot contain null bytes", 1, 6);
}

#[test]
fn int_literals_past_64_bits_are_big_ints_in_decimal() {
    assert_eq!(ex("9223372036854775808"), "9223372036854775808");
    assert_eq!(ex("99_999_999_999_999_999_999_999"), "99999999999999999999999");
    assert_eq!(ex("0xffffffffffffffffff"), "4722366482869645213695");
    assert_eq!(ex("0b1_0000000000000000000000000000000000000000000000000000000000000000"), "18446744073709551616");
    // `-2**63` is still one small int; one below it is a negated big one.
    assert_eq!(ex("-9223372036854775808"), "-9223372036854775808");
    assert_eq!(ex("-9223372036854775809"), "(Neg 9223372036854775809)");
}
