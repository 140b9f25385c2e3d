//! Floats as CPython has them: `repr` (the shortest text that reads back as the same float),
//! arithmetic with CPython's results and messages, exact comparison and hashing across ints and
//! floats, and the float types of the format mini-language (`e f g %` and none).
//!
//! Rust's `{:e}` is a shortest round-trip formatter and its `{:.N}`/`{:.Ne}` round the exact
//! binary value half to even, as CPython's `dtoa` does; only the layout (where the exponent
//! starts, its sign and two digits) is CPython's own, written out here.

use super::format::{group, pad, parse};
use crate::ast::BinOp;
use crate::error::{value_error, ErrorKind, Exception};
use crate::value::{Value, V};
use std::cmp::Ordering;

/// A number's value as a float: ints, bools and floats.
#[inline]
pub(crate) fn as_float(v: Value) -> Option<f64> {
    match v.unpack() {
        V::Float(f) => Some(f),
        V::Int(i) => Some(i as f64),
        V::Bool(b) => Some(b as i64 as f64),
        _ => None,
    }
}

/// Whether `v` is a float.
#[inline]
pub(crate) fn is_float(v: Value) -> bool {
    matches!(v.unpack(), V::Float(_))
}

/// The digits of `x`'s magnitude (no leading zeros; `"0"` for zero) and the position of the
/// decimal point relative to them (`x = 0.DIGITS * 10**decpt`), from Rust's exponent form with
/// `precision` digits after the point (`None`: the shortest that reads back as `x`).
fn digits(x: f64, precision: Option<usize>) -> (String, i32) {
    let sci = match precision {
        Some(p) => format!("{:.*e}", p, x.abs()),
        None => format!("{:e}", x.abs()),
    };
    let (mantissa, exp) = sci.split_once('e').unwrap_or((&sci, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    (mantissa.chars().filter(|&c| c != '.').collect(), exp + 1)
}

/// `d.ddd` then `e+XX`: the exponent with its sign and at least two digits.
fn exponent_form(digits: &str, decpt: i32, e: char, alternate: bool) -> String {
    let (first, rest) = digits.split_at(1);
    let point = if rest.is_empty() && !alternate { "" } else { "." };
    let exp = decpt - 1;
    format!("{first}{point}{rest}{e}{}{:02}", if exp < 0 { '-' } else { '+' }, exp.unsigned_abs())
}

/// Digits placed around the decimal point at `decpt`, padded with zeros; no point if nothing
/// follows it (unless `alternate`).
fn fixed_form(digits: &str, decpt: i32, alternate: bool) -> String {
    let (int, frac) = if decpt <= 0 {
        ("0".to_string(), format!("{}{digits}", "0".repeat(decpt.unsigned_abs() as usize)))
    } else if digits.len() <= decpt as usize {
        (format!("{digits}{}", "0".repeat(decpt as usize - digits.len())), String::new())
    } else {
        let (int, frac) = digits.split_at(decpt as usize);
        (int.to_string(), frac.to_string())
    };
    if frac.is_empty() && !alternate {
        int
    } else {
        format!("{int}.{frac}")
    }
}

/// `repr(x)` (and `str(x)`): `1.0`, `0.1`, `1e+16`, `1.5e-07`, `inf`, `nan`, `-0.0`.
pub(crate) fn float_repr(x: f64) -> String {
    let sign = if x.is_sign_negative() && !x.is_nan() { "-" } else { "" };
    format!("{sign}{}", magnitude_text(x, 'r', 0, false, false))
}

/// The text of `|x|` in format `kind` (`r` for repr, or `e E f F g G %`).
/// `add_dot_0`: a `g` result that looks like an int gets `.0`, and the exponent form starts a
/// digit earlier (what a spec with a precision and no type asks for).
fn magnitude_text(x: f64, kind: char, precision: usize, alternate: bool, add_dot_0: bool) -> String {
    let upper = kind.is_ascii_uppercase();
    if !x.is_finite() {
        let text = if x.is_nan() { "nan" } else { "inf" };
        let text = if upper { text.to_uppercase() } else { text.to_string() };
        return if kind == '%' { format!("{text}%") } else { text };
    }
    let e = if upper { 'E' } else { 'e' };
    match kind {
        'r' => {
            let (digits, decpt) = digits(x, None);
            if decpt <= -4 || decpt > 16 {
                exponent_form(&digits, decpt, 'e', false)
            } else {
                let text = fixed_form(&digits, decpt, false);
                if text.contains('.') {
                    text
                } else {
                    format!("{text}.0")
                }
            }
        }
        'f' | 'F' => {
            let text = format!("{:.*}", precision, x.abs());
            if alternate && precision == 0 {
                format!("{text}.")
            } else {
                text
            }
        }
        '%' => format!("{}%", magnitude_text(x * 100.0, 'f', precision, alternate, false)),
        'e' | 'E' => {
            let (digits, decpt) = digits(x, Some(precision));
            exponent_form(&digits, decpt, e, alternate)
        }
        _ => {
            // `g`: `precision` significant digits, in exponent form when the exponent is below -4
            // or at least the precision; trailing zeros dropped unless `alternate`.
            let p = precision.max(1);
            let (mut digits, decpt) = digits(x, Some(p - 1));
            let limit = if add_dot_0 { p as i32 - 1 } else { p as i32 };
            let use_exp = decpt <= -4 || decpt > limit;
            if !alternate {
                let kept = digits.trim_end_matches('0').len().max(1);
                digits.truncate(kept);
            }
            let text = if use_exp {
                exponent_form(&digits, decpt, e, alternate)
            } else if alternate {
                // Every significant digit is shown, zeros included.
                let shown = (p as i32).max(decpt);
                let padded = format!("{digits}{}", "0".repeat((shown - digits.len() as i32).max(0) as usize));
                fixed_form(&padded, decpt, true)
            } else {
                fixed_form(&digits, decpt, false)
            };
            if add_dot_0 && !text.contains(['.', 'e', 'E']) {
                format!("{text}.0")
            } else {
                text
            }
        }
    }
}

/// `format(x, spec)` for a float.
pub(crate) fn format_float(x: f64, spec: &str) -> Result<String, Exception> {
    if spec.is_empty() {
        return Ok(float_repr(x));
    }
    let s = parse(spec, "float")?;
    let (kind, precision, add_dot_0) = match (s.kind, s.precision) {
        (None, None) => ('r', 0, true),
        (None, Some(p)) => ('g', p, true),
        (Some('n'), p) => ('g', p.unwrap_or(6), false),
        (Some(k @ ('e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%')), p) => (k, p.unwrap_or(6), false),
        (Some(k), _) => return Err(value_error(format!("Unknown format code '{k}' for object of type 'float'"))),
    };
    let negative = x.is_sign_negative() && !x.is_nan();
    let sign = match (negative, s.sign) {
        (true, _) => "-",
        (false, Some('+')) => "+",
        (false, Some(' ')) => " ",
        _ => "",
    };
    let body = magnitude_text(x, kind, precision, s.alternate, add_dot_0);
    let body = match s.grouping {
        Some(sep) if x.is_finite() => {
            let end = body.find(['.', 'e', 'E', '%']).unwrap_or(body.len());
            let (int_part, rest) = body.split_at(end);
            format!("{}{rest}", group(int_part, sep, 3))
        }
        _ => body,
    };
    Ok(pad(&s, sign, &body, '>'))
}

/// How int `i` compares with float `f`, exactly (as CPython compares them, not through a
/// rounded conversion); `None` when `f` is a NaN.
pub(crate) fn int_float_cmp(i: i64, f: f64) -> Option<Ordering> {
    if f.is_nan() {
        return None;
    }
    // Every i64 lies in [-2**63, 2**63); 2**63 is exactly representable.
    const TWO_63: f64 = 9_223_372_036_854_775_808.0;
    if f >= TWO_63 {
        return Some(Ordering::Less);
    }
    if f < -TWO_63 {
        return Some(Ordering::Greater);
    }
    let whole = f.trunc();
    match i.cmp(&(whole as i64)) {
        Ordering::Equal => 0.0.partial_cmp(&(f - whole)),
        other => Some(other),
    }
}

/// How two numbers (ints, bools or floats, at least one a float) compare; `None` with a NaN.
pub(crate) fn number_cmp(a: Value, b: Value) -> Option<Ordering> {
    match (a.unpack(), b.unpack()) {
        (V::Float(x), V::Float(y)) => x.partial_cmp(&y),
        (V::Float(x), _) => int_float_cmp(super::as_int(b)?, x).map(Ordering::reverse),
        (_, V::Float(y)) => int_float_cmp(super::as_int(a)?, y),
        _ => Some(super::as_int(a)?.cmp(&super::as_int(b)?)),
    }
}

/// A float's hash: an integral float hashes as the int it equals (so `d[1]` finds `d[1.0]`).
pub(crate) fn hash_float(f: f64) -> u64 {
    if f.fract() == 0.0 && int_float_cmp(i64::MIN, f) != Some(Ordering::Greater) && f < 9.2e18 {
        crate::heap::object::hash_int(f as i64)
    } else {
        crate::heap::object::hash_int(f.to_bits() as i64) ^ 0xf1047
    }
}

/// CPython's `hash()` of a float: its value modulo the prime 2**61 - 1 (so an integral float
/// hashes as its int), infinities as +-314159; a NaN (hashed by identity in CPython) as 0.
pub(crate) fn python_hash_float(v: f64) -> i64 {
    const BITS: i32 = 61;
    const MODULUS: u64 = (1 << BITS) - 1;
    if v.is_infinite() {
        return if v > 0.0 { 314_159 } else { -314_159 };
    }
    if v.is_nan() {
        return 0;
    }
    let (mut m, mut e) = frexp(v);
    let sign: i64 = if m < 0.0 {
        m = -m;
        -1
    } else {
        1
    };
    let mut x: u64 = 0;
    while m != 0.0 {
        x = ((x << 28) & MODULUS) | x >> (BITS - 28);
        m *= 268_435_456.0;
        e -= 28;
        let y = m as u64;
        m -= y as f64;
        x += y;
        if x >= MODULUS {
            x -= MODULUS;
        }
    }
    let e = if e >= 0 { e % BITS } else { BITS - 1 - ((-1 - e) % BITS) };
    x = ((x << e) & MODULUS) | x >> (BITS - e);
    let h = (x as i64).wrapping_mul(sign);
    if h == -1 {
        -2
    } else {
        h
    }
}

/// `frexp(v)`: `(m, e)` with `v == m * 2**e` and `0.5 <= |m| < 1` (zero, infinities and NaN as
/// they are, with 0): `math.frexp`, and what the float hash and `math.hypot` scale by.
pub(crate) fn frexp(v: f64) -> (f64, i32) {
    if v == 0.0 || !v.is_finite() {
        return (v, 0);
    }
    let bits = v.to_bits();
    let exponent = ((bits >> 52) & 0x7ff) as i32;
    if exponent == 0 {
        // Subnormal: scale into the normal range first.
        let (m, e) = frexp(v * 2f64.powi(64));
        return (m, e - 64);
    }
    let m = f64::from_bits((bits & !(0x7ff << 52)) | (1022 << 52));
    (m, exponent - 1022)
}

/// `x * 2**i` (`math.ldexp`), rounded once (a subnormal result from the exact mantissa).
pub(crate) fn ldexp(x: f64, i: i64) -> f64 {
    if x == 0.0 || !x.is_finite() {
        return x;
    }
    let i = i.clamp(-2200, 2200) as i32;
    let (m, e) = frexp(x);
    let e = e + i;
    if e > 1024 {
        return f64::INFINITY.copysign(x);
    }
    if e >= -1021 {
        return m * 2f64.powi(e);
    }
    // A subnormal (or zero) result: one rounding, from the exact mantissa.
    m * 2f64.powi(e + 1074) * 2f64.powi(-1074)
}

fn zero_division(message: &str) -> Exception {
    Exception::new(ErrorKind::ZeroDivisionError, message)
}

/// `x % y` for floats, with the sign of `y` (CPython's `float_rem`).
fn float_mod(x: f64, y: f64) -> f64 {
    let m = x % y;
    if m != 0.0 {
        if (y < 0.0) != (m < 0.0) {
            m + y
        } else {
            m
        }
    } else {
        0.0f64.copysign(y)
    }
}

/// `x // y` for floats (CPython's `float_floor_div`, through `divmod`).
fn float_floor_div(x: f64, y: f64) -> f64 {
    let mut m = x % y;
    let mut div = (x - m) / y;
    if m != 0.0 && ((y < 0.0) != (m < 0.0)) {
        m += y;
        div -= 1.0;
    }
    let _ = m;
    if div == 0.0 {
        return 0.0f64.copysign(x / y);
    }
    let mut floor = div.floor();
    if div - floor > 0.5 {
        floor += 1.0;
    }
    floor
}

/// `x ** y` for floats, with CPython's errors.
pub(crate) fn float_pow(x: f64, y: f64) -> Result<f64, Exception> {
    if x == 0.0 && y < 0.0 {
        return Err(zero_division("0.0 cannot be raised to a negative power"));
    }
    if x < 0.0 && x.is_finite() && y.is_finite() && y.fract() != 0.0 {
        return Err(value_error("complex results are not supported (a negative number to a fractional power)"));
    }
    let r = x.powf(y);
    if r.is_infinite() && x.is_finite() && y.is_finite() {
        return Err(Exception::new(ErrorKind::OverflowError, "(34, 'Numerical result out of range')"));
    }
    Ok(r)
}

/// `x op y` for two floats (an int operand already converted), with CPython's messages.
pub(crate) fn float_binary(op: BinOp, x: f64, y: f64) -> Result<Value, Exception> {
    let r = match op {
        BinOp::Add => x + y,
        BinOp::Sub => x - y,
        BinOp::Mul => x * y,
        BinOp::Div if y == 0.0 => return Err(zero_division("float division by zero")),
        BinOp::Div => x / y,
        BinOp::FloorDiv if y == 0.0 => return Err(zero_division("float floor division by zero")),
        BinOp::FloorDiv => float_floor_div(x, y),
        BinOp::Mod if y == 0.0 => return Err(zero_division("float modulo")),
        BinOp::Mod => float_mod(x, y),
        BinOp::Pow => float_pow(x, y)?,
        BinOp::BitAnd | BinOp::BitOr | BinOp::BitXor | BinOp::LShift | BinOp::RShift => {
            return Err(crate::error::type_error(format!(
                "unsupported operand type(s) for {}: 'float' and 'float'",
                op.symbol()
            )))
        }
    };
    Ok(Value::float(r))
}

/// `int(f)`: `f` truncated toward zero, or CPython's error for a NaN or an infinity (and
/// an OverflowError past 64 bits: `Interp::int_from_float` makes those big ints first).
pub(crate) fn float_to_int(f: f64) -> Result<i64, Exception> {
    if f.is_nan() {
        return Err(value_error("cannot convert float NaN to integer"));
    }
    if f.is_infinite() {
        return Err(Exception::new(ErrorKind::OverflowError, "cannot convert float infinity to integer"));
    }
    let t = f.trunc();
    if !(-9_223_372_036_854_775_808.0..9_223_372_036_854_775_808.0).contains(&t) {
        return Err(crate::error::overflow_error());
    }
    Ok(t as i64)
}

/// `float(text)`: CPython's float syntax (`1.5`, ` -2e3 `, `inf`, `nan`, `1_000.5`), or its
/// ValueError.
pub(crate) fn parse_float(text: &str) -> Result<f64, Exception> {
    let error = || value_error(format!("could not convert string to float: {}", super::repr_str(text)));
    let t = text.trim();
    let (sign, body) = match t.strip_prefix('-') {
        Some(rest) => (-1.0, rest),
        None => (1.0, t.strip_prefix('+').unwrap_or(t)),
    };
    let lower = body.to_ascii_lowercase();
    if lower == "inf" || lower == "infinity" {
        return Ok(sign * f64::INFINITY);
    }
    if lower == "nan" {
        return Ok(f64::NAN.copysign(sign));
    }
    // Digits, at most one point, an exponent: no signs inside, `_` only between digits.
    let valid = !body.is_empty()
        && body.chars().all(|c| c.is_ascii_digit() || matches!(c, '.' | 'e' | 'E' | '_' | '+' | '-'))
        && body.chars().next().is_some_and(|c| c.is_ascii_digit() || c == '.')
        && !body.split(['.', 'e', 'E', '+', '-']).any(|p| p.starts_with('_') || p.ends_with('_') || p.contains("__"));
    if !valid {
        return Err(error());
    }
    let digits: String = body.chars().filter(|&c| c != '_').collect();
    digits.parse::<f64>().map(|f| sign * f).map_err(|_| error())
}

/// `round(x, ndigits)` for a float: the float nearest to `x` rounded to `ndigits` decimals,
/// through the correctly rounded decimal text as CPython does.
pub(crate) fn round_float(x: f64, ndigits: i64) -> f64 {
    if !x.is_finite() || ndigits > 330 {
        return x;
    }
    if ndigits < -330 {
        return 0.0f64.copysign(x);
    }
    if ndigits >= 0 {
        let text = format!("{:.*}", ndigits as usize, x);
        return text.parse().unwrap_or(x);
    }
    // To tens, hundreds, ...: round x / 10**-n half to even, scaled back.
    let scale = 10f64.powi((-ndigits) as i32);
    let scaled = x / scale;
    scaled.round_ties_even() * scale
}

/// `x / y` for two ints: the float nearest the exact quotient (one division when both fit in a
/// float's 53-bit mantissa, else CPython's correctly rounded long division).
pub(crate) fn int_true_div(x: i64, y: i64) -> Result<Value, Exception> {
    if y == 0 {
        return Err(zero_division("division by zero"));
    }
    const EXACT: u64 = 1 << 53;
    if x.unsigned_abs() <= EXACT && y.unsigned_abs() <= EXACT {
        return Ok(Value::float(x as f64 / y as f64));
    }
    super::bigint::true_div(&x.into(), &y.into()).map(Value::float)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repr_is_cpythons() {
        let cases: &[(f64, &str)] = &[
            (0.0, "0.0"),
            (-0.0, "-0.0"),
            (1.0, "1.0"),
            (0.1, "0.1"),
            (0.1 + 0.2, "0.30000000000000004"),
            (1e16, "1e+16"),
            (1e15, "1000000000000000.0"),
            (123456789012345678.0, "1.2345678901234568e+17"),
            (0.0001, "0.0001"),
            (0.00001, "1e-05"),
            (1.5e-7, "1.5e-07"),
            (-2.5, "-2.5"),
            (1e300 * 10.0, "1e+301"),
            (f64::INFINITY, "inf"),
            (f64::NEG_INFINITY, "-inf"),
            (f64::NAN, "nan"),
            (5e-324, "5e-324"),
            (std::f64::consts::PI, "3.141592653589793"),
        ];
        for &(x, text) in cases {
            assert_eq!(float_repr(x), text, "repr of {x:e}");
        }
    }

    #[test]
    fn format_specs_are_cpythons() {
        let cases: &[(f64, &str, &str)] = &[
            (1.23456, ".2f", "1.23"),
            (0.125, ".2f", "0.12"),
            (2.5, ".0f", "2"),
            (2.5, "#.0f", "2."),
            (1234.5678, ",.2f", "1,234.57"),
            (1234.5678, "10.1f", "    1234.6"),
            (-1.5, "08.2f", "-0001.50"),
            (12345.678, "e", "1.234568e+04"),
            (12345.678, ".2E", "1.23E+04"),
            (0.5, ".1%", "50.0%"),
            (1234.0, "g", "1234"),
            (0.0001234, "g", "0.0001234"),
            (0.00001234, "g", "1.234e-05"),
            (1234567.0, "g", "1.23457e+06"),
            (1.0, "#g", "1.00000"),
            (100.0, ".3", "1e+02"),
            (10.0, ".3", "10.0"),
            (1000.0, ".3", "1e+03"),
            (1.0, ".3", "1.0"),
            (0.1, "", "0.1"),
            (1.5, "+", "+1.5"),
            (2.0, "^9", "   2.0   "),
            (f64::INFINITY, "f", "inf"),
            (f64::NAN, "F", "NAN"),
            (-0.0, ".1f", "-0.0"),
        ];
        for &(x, spec, text) in cases {
            assert_eq!(format_float(x, spec).ok().as_deref(), Some(text), "format({x}, {spec:?})");
        }
        assert!(format_float(1.0, "d").is_err());
    }

    #[test]
    fn division_and_modulo_follow_the_divisor_sign() {
        let f = |op, x, y| float_binary(op, x, y).map(|v| as_float(v).unwrap_or(f64::NAN)).ok();
        assert_eq!(f(BinOp::Mod, -7.0, 2.0), Some(1.0));
        assert_eq!(f(BinOp::Mod, 7.0, -2.0), Some(-1.0));
        assert_eq!(f(BinOp::FloorDiv, -7.0, 2.0), Some(-4.0));
        assert_eq!(f(BinOp::FloorDiv, 7.5, 2.0), Some(3.0));
        assert_eq!(f(BinOp::Div, 1.0, 0.0), None);
        assert!(float_pow(10.0, 400.0).is_err());
        assert!(float_pow(0.0, -1.0).is_err());
    }

    #[test]
    fn ints_and_floats_compare_exactly() {
        assert_eq!(int_float_cmp(1, 1.0), Some(Ordering::Equal));
        assert_eq!(int_float_cmp(1, 1.5), Some(Ordering::Less));
        assert_eq!(int_float_cmp(-1, -1.5), Some(Ordering::Greater));
        // 2**53 + 1 is no float: a rounded conversion would call them equal.
        assert_eq!(int_float_cmp((1 << 53) + 1, (1u64 << 53) as f64), Some(Ordering::Greater));
        assert_eq!(int_float_cmp(i64::MAX, 9.3e18), Some(Ordering::Less));
        assert_eq!(int_float_cmp(0, f64::NAN), None);
        assert_eq!(hash_float(3.0), crate::heap::object::hash_int(3));
        assert_eq!(hash_float(-0.0), hash_float(0.0));
    }
}
