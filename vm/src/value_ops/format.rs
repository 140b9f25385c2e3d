//! `format(value, spec)`: Python's format specification mini-language, for the values emlab has
//! (int, bool, float, str; every other value takes only an empty spec, as `object.__format__`
//! does).
//! What f-strings, `format()` and `str.format` share.
//!
//! `[[fill]align][sign][z][#][0][width][grouping][.precision][type]`, with CPython's messages.
//! Ints take the types `b c d o x X n` and, exactly (CPython goes through a float, which is the
//! same below 2**53), `e E f F %`, and `g G` through a float as CPython does. The float types
//! are in `float.rs`.

use crate::error::{type_error, value_error, Exception};

/// A parsed format spec.
#[derive(Debug, Default, Clone, PartialEq)]
pub(super) struct Spec {
    pub(super) fill: Option<char>,
    pub(super) align: Option<char>,
    pub(super) sign: Option<char>,
    pub(super) alternate: bool,
    pub(super) zero: bool,
    pub(super) width: usize,
    pub(super) grouping: Option<char>,
    pub(super) precision: Option<usize>,
    pub(super) kind: Option<char>,
}

/// Parses `spec` for a value of type `type_name` (for the messages).
pub(super) fn parse(spec: &str, type_name: &str) -> Result<Spec, Exception> {
    let chars: Vec<char> = spec.chars().collect();
    let mut s = Spec::default();
    let mut i = 0;
    let is_align = |c: char| matches!(c, '<' | '>' | '=' | '^');
    if chars.len() >= 2 && is_align(chars[1]) {
        s.fill = Some(chars[0]);
        s.align = Some(chars[1]);
        i = 2;
    } else if chars.first().is_some_and(|&c| is_align(c)) {
        s.align = Some(chars[0]);
        i = 1;
    }
    if let Some(&c @ ('+' | '-' | ' ')) = chars.get(i) {
        s.sign = Some(c);
        i += 1;
    }
    if chars.get(i) == Some(&'z') {
        i += 1;
    }
    if chars.get(i) == Some(&'#') {
        s.alternate = true;
        i += 1;
    }
    if chars.get(i) == Some(&'0') {
        s.zero = true;
        i += 1;
    }
    let digits = |i: &mut usize| -> Option<usize> {
        let start = *i;
        while chars.get(*i).is_some_and(char::is_ascii_digit) {
            *i += 1;
        }
        (start < *i).then(|| chars[start..*i].iter().collect::<String>().parse().unwrap_or(usize::MAX))
    };
    s.width = digits(&mut i).unwrap_or(0);
    if let Some(&c @ (',' | '_')) = chars.get(i) {
        s.grouping = Some(c);
        i += 1;
    }
    if chars.get(i) == Some(&'.') {
        i += 1;
        match digits(&mut i) {
            Some(p) => s.precision = Some(p),
            None => return Err(value_error("Format specifier missing precision")),
        }
    }
    if i < chars.len() {
        s.kind = Some(chars[i]);
        i += 1;
    }
    if i < chars.len() {
        return Err(value_error(format!("Invalid format specifier '{spec}' for object of type '{type_name}'")));
    }
    if s.width > 100_000_000 || s.precision.is_some_and(|p| p > 100_000_000) {
        return Err(value_error("Too many decimal digits in format string"));
    }
    Ok(s)
}

/// Pads `body` (with `prefix`, a sign and base prefix, before it) to the spec's width.
pub(super) fn pad(s: &Spec, prefix: &str, body: &str, default_align: char) -> String {
    let len = prefix.chars().count() + body.chars().count();
    let fill = s.fill.unwrap_or(if s.zero && s.align.is_none() { '0' } else { ' ' });
    let align = s.align.unwrap_or(if s.zero && s.fill.is_none() { '=' } else { default_align });
    if len >= s.width {
        return format!("{prefix}{body}");
    }
    let n = s.width - len;
    let fills = |k: usize| fill.to_string().repeat(k);
    match align {
        '<' => format!("{prefix}{body}{}", fills(n)),
        '^' => format!("{}{prefix}{body}{}", fills(n / 2), fills(n - n / 2)),
        '=' => format!("{prefix}{}{body}", fills(n)),
        _ => format!("{}{prefix}{body}", fills(n)),
    }
}

/// Inserts `sep` every `every` digits from the right.
pub(super) fn group(digits: &str, sep: char, every: usize) -> String {
    let chars: Vec<char> = digits.chars().collect();
    let mut out = String::new();
    for (i, c) in chars.iter().enumerate() {
        if i > 0 && (chars.len() - i).checked_rem(every) == Some(0) {
            out.push(sep);
        }
        out.push(*c);
    }
    out
}

/// `format(text, spec)` for a str.
pub(crate) fn format_str(text: &str, spec: &str) -> Result<String, Exception> {
    if spec.is_empty() {
        return Ok(text.to_string());
    }
    let s = parse(spec, "str")?;
    match s.kind {
        None | Some('s') => {}
        Some(k) => return Err(value_error(format!("Unknown format code '{k}' for object of type 'str'"))),
    }
    if s.sign.is_some() {
        return Err(value_error("Sign not allowed in string format specifier"));
    }
    if s.alternate {
        return Err(value_error("Alternate form (#) not allowed in string format specifier"));
    }
    if s.grouping.is_some() {
        return Err(value_error(format!("Cannot specify '{}' with 's'.", s.grouping.unwrap_or(','))));
    }
    if s.align == Some('=') {
        return Err(value_error("'=' alignment not allowed in string format specifier"));
    }
    let body: String = match s.precision {
        Some(p) => text.chars().take(p).collect(),
        None => text.to_string(),
    };
    Ok(pad(&s, "", &body, '<'))
}

/// An int to format: an immediate one or a big one.
#[derive(Clone, Copy)]
pub(crate) enum IntRef<'a> {
    Small(i64),
    Big(&'a num_bigint::BigInt),
}

impl IntRef<'_> {
    fn negative(self) -> bool {
        match self {
            IntRef::Small(n) => n < 0,
            IntRef::Big(n) => n.sign() == num_bigint::Sign::Minus,
        }
    }

    /// The magnitude's digits in `radix`.
    fn digits(self, radix: u32) -> Result<String, Exception> {
        match self {
            IntRef::Small(n) => Ok(match radix {
                2 => format!("{:b}", n.unsigned_abs()),
                8 => format!("{:o}", n.unsigned_abs()),
                16 => format!("{:x}", n.unsigned_abs()),
                _ => n.unsigned_abs().to_string(),
            }),
            IntRef::Big(n) => super::bigint::digits(n, radix),
        }
    }

    fn to_f64(self) -> Result<f64, Exception> {
        match self {
            IntRef::Small(n) => Ok(n as f64),
            IntRef::Big(n) => super::bigint::to_f64(n),
        }
    }
}

/// `format(n, spec)` for an int (and a bool, whose empty spec shows `True`/`False` instead).
pub(crate) fn format_int(n: i64, spec: &str) -> Result<String, Exception> {
    if spec.is_empty() {
        return Ok(n.to_string());
    }
    format_integer(IntRef::Small(n), spec)
}

/// `format(n, spec)` for an int of either size.
pub(crate) fn format_integer(n: IntRef, spec: &str) -> Result<String, Exception> {
    if spec.is_empty() {
        return match n {
            IntRef::Small(n) => Ok(n.to_string()),
            IntRef::Big(n) => super::bigint::to_decimal(n),
        };
    }
    let s = parse(spec, "int")?;
    let kind = s.kind.unwrap_or('d');
    let sign = match (n.negative(), s.sign) {
        (true, _) => "-",
        (false, Some('+')) => "+",
        (false, Some(' ')) => " ",
        _ => "",
    };
    if s.precision.is_some() && !matches!(kind, 'e' | 'E' | 'f' | 'F' | '%' | 'g' | 'G') {
        return Err(value_error("Precision not allowed in integer format specifier"));
    }
    let (base_prefix, radix, every) = match kind {
        'd' | 'n' => ("", 10, 3),
        'b' => ("0b", 2, 4),
        'o' => ("0o", 8, 4),
        'x' => ("0x", 16, 4),
        'X' => ("0X", 16, 4),
        'c' => {
            if s.sign.is_some() {
                return Err(value_error("Sign not allowed with integer format specifier 'c'"));
            }
            let code = match n {
                IntRef::Small(n) => u32::try_from(n).ok(),
                IntRef::Big(_) => None,
            };
            let c = code.and_then(char::from_u32).ok_or_else(|| {
                Exception::new(crate::error::ErrorKind::OverflowError, "%c arg not in range(0x110000)")
            })?;
            return Ok(pad(&s, "", &c.to_string(), '>'));
        }
        // The float types format the int converted to a float, as CPython's `int.__format__` does.
        'f' | 'F' | '%' | 'e' | 'E' | 'g' | 'G' => return super::float::format_float(n.to_f64()?, spec),
        k => return Err(value_error(format!("Unknown format code '{k}' for object of type 'int'"))),
    };
    let mut digits = n.digits(radix)?;
    if kind == 'X' {
        digits = digits.to_ascii_uppercase();
    }
    let prefix = format!("{sign}{}", if s.alternate { base_prefix } else { "" });
    let Some(sep) = s.grouping else { return Ok(pad(&s, &prefix, &digits, '>')) };
    if sep == ',' && kind != 'd' && kind != 'n' {
        return Err(value_error(format!("Cannot specify ',' with '{kind}'.")));
    }
    let zero_padded = s.zero && s.align.is_none() && s.fill.is_none();
    let mut grouped = group(&digits, sep, every);
    // Zero padding is grouped too: `format(1234, '010,')` is `00,001,234`.
    while zero_padded && prefix.len() + grouped.chars().count() < s.width {
        digits.insert(0, '0');
        grouped = group(&digits, sep, every);
    }
    Ok(pad(&s, &prefix, &grouped, '>'))
}

/// The TypeError for a non-empty spec on a value that takes none (`object.__format__`).
pub(crate) fn no_spec(type_name: &str) -> Exception {
    type_error(format!("unsupported format string passed to {type_name}.__format__"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ints_as_cpython_formats_them() {
        let cases = [
            (42, "", "42"),
            (42, "5", "   42"),
            (42, "<5", "42   "),
            (42, "^6", "  42  "),
            (42, "*^7", "**42***"),
            (-42, "=6", "-   42"),
            (-42, "06", "-00042"),
            (42, "+", "+42"),
            (42, " ", " 42"),
            (1234567, ",", "1,234,567"),
            (1234567, "_", "1_234_567"),
            (1234, "010,", "00,001,234"),
            (255, "x", "ff"),
            (255, "#X", "0XFF"),
            (5, "#010b", "0b00000101"),
            (65535, "_x", "ffff"),
            (1048575, "_x", "f_ffff"),
            (65, "c", "A"),
            (5, ".2f", "5.00"),
            (5, "f", "5.000000"),
            (1234, ",.1f", "1,234.0"),
            (1, "%", "100.000000%"),
            (1, ".0%", "100%"),
            (12345, ".2e", "1.23e+04"),
            (12355, ".2e", "1.24e+04"),
            (12350, ".2e", "1.24e+04"),
            (12250, ".2e", "1.22e+04"),
            (99999, ".2e", "1.00e+05"),
            (0, "e", "0.000000e+00"),
            (-7, "08.3f", "-007.000"),
        ];
        for (n, spec, want) in cases {
            assert_eq!(format_int(n, spec).unwrap(), want, "format({n}, {spec:?})");
        }
    }

    #[test]
    fn strs_and_the_errors_cpython_raises() {
        assert_eq!(format_str("ab", ">4").unwrap(), "  ab");
        assert_eq!(format_str("ab", "4").unwrap(), "ab  ");
        assert_eq!(format_str("abcdef", ".3").unwrap(), "abc");
        assert_eq!(format_str("ab", "-^6").unwrap(), "--ab--");
        let message = |r: Result<String, Exception>| r.unwrap_err().message.clone();
        assert_eq!(message(format_str("a", "d")), "Unknown format code 'd' for object of type 'str'");
        assert_eq!(message(format_str("a", "=5")), "'=' alignment not allowed in string format specifier");
        assert_eq!(message(format_str("a", "+")), "Sign not allowed in string format specifier");
        assert_eq!(message(format_int(5, "s")), "Unknown format code 's' for object of type 'int'");
        assert_eq!(message(format_int(5, ".2d")), "Precision not allowed in integer format specifier");
        assert_eq!(message(format_int(5, ",x")), "Cannot specify ',' with 'x'.");
        assert_eq!(message(format_int(5, "5.")), "Format specifier missing precision");
        assert_eq!(message(format_int(5, "dd")), "Invalid format specifier 'dd' for object of type 'int'");
    }
}
