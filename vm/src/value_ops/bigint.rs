//! Python's ints past 64 bits: arithmetic, comparison with floats, conversion to float, hashing
//! and text, with CPython's results and messages.
//!
//! An int is an immediate [`V::Int`] while it fits in an `i64` and a heap [`Object::Int`] (a
//! `num_bigint::BigInt`) only when it does not: every result is normalized, so a big int is never
//! equal to a small one and the small-int paths never look at the heap. The functions here are
//! pure; `interp::bigints` reads the operands and allocates the results.

use crate::ast::BinOp;
use crate::error::{value_error, ErrorKind, Exception};
use crate::heap::{Heap, Object};
use crate::value::{Value, V};
use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{Signed, ToPrimitive, Zero};
use std::cmp::Ordering;

/// CPython's limit on the digits of an int converted to or from decimal text
/// (`sys.get_int_max_str_digits()`'s default).
pub(crate) const MAX_STR_DIGITS: usize = 4300;

/// The result of an int operation: an int, or a float (`/`, a negative power).
pub(crate) enum Number {
    Int(BigInt),
    Float(f64),
}

/// An int-like value's value: a small int, a bool, or a big int on the heap.
pub(crate) fn int_of(heap: &Heap, v: Value) -> Result<Option<BigInt>, Exception> {
    Ok(match v.unpack() {
        V::Int(i) => Some(BigInt::from(i)),
        V::Bool(b) => Some(BigInt::from(b as i64)),
        V::Obj(h) => heap.read(h, |o| match o {
            Object::Int(b) => Some((**b).clone()),
            _ => None,
        })?,
        _ => None,
    })
}

/// A big int on the heap's value (not a small int's).
pub(crate) fn big_of(heap: &Heap, v: Value) -> Result<Option<BigInt>, Exception> {
    match v.unpack() {
        V::Obj(_) => int_of(heap, v),
        _ => Ok(None),
    }
}

fn zero_division(message: &str) -> Exception {
    Exception::new(ErrorKind::ZeroDivisionError, message)
}

fn memory_error() -> Exception {
    Exception::new(ErrorKind::MemoryError, "")
}

/// `float(x)`, correctly rounded, or CPython's OverflowError.
pub(crate) fn to_f64(x: &BigInt) -> Result<f64, Exception> {
    match x.to_f64() {
        Some(f) if f.is_finite() => Ok(f),
        _ => Err(Exception::new(ErrorKind::OverflowError, "int too large to convert to float")),
    }
}

/// `x op y` for two ints, `bits_limit` the most bits a result may have (the heap's size).
pub(crate) fn binary(op: BinOp, x: &BigInt, y: &BigInt, bits_limit: u64) -> Result<Number, Exception> {
    Ok(Number::Int(match op {
        BinOp::Add => x + y,
        BinOp::Sub => x - y,
        BinOp::Mul => {
            if x.bits() + y.bits() > bits_limit {
                return Err(memory_error());
            }
            x * y
        }
        BinOp::FloorDiv if y.is_zero() => return Err(zero_division("integer division or modulo by zero")),
        BinOp::FloorDiv => x.div_floor(y),
        BinOp::Mod if y.is_zero() => return Err(zero_division("integer modulo by zero")),
        BinOp::Mod => x.mod_floor(y),
        BinOp::Div => return true_div(x, y).map(Number::Float),
        BinOp::Pow if y.is_negative() => {
            let (b, e) = (to_f64(x)?, to_f64(y)?);
            return super::float::float_pow(b, e).map(Number::Float);
        }
        BinOp::Pow => {
            // 0, 1 and -1 to any power stay small; anything else grows by its bits each time.
            if y.is_zero() {
                return Ok(Number::Int(BigInt::from(1)));
            }
            if x.is_zero() || x.magnitude() == &num_bigint::BigUint::from(1u8) {
                let odd = y.is_odd();
                return Ok(Number::Int(if x.is_negative() && !odd { BigInt::from(1) } else { x.clone() }));
            }
            let e = y.to_u32().filter(|&e| u64::from(e).saturating_mul(x.bits()) <= bits_limit);
            let Some(e) = e else { return Err(memory_error()) };
            x.pow(e)
        }
        BinOp::BitAnd => x & y,
        BinOp::BitOr => x | y,
        BinOp::BitXor => x ^ y,
        BinOp::LShift | BinOp::RShift if y.is_negative() => return Err(value_error("negative shift count")),
        BinOp::LShift if x.is_zero() => BigInt::zero(),
        BinOp::LShift => {
            let Some(n) = y.to_u64() else {
                return Err(Exception::new(ErrorKind::OverflowError, "too many digits in integer"));
            };
            if n.saturating_add(x.bits()) > bits_limit {
                return Err(memory_error());
            }
            x << n
        }
        // Floor, as Python's: a negative number shifted right rounds toward negative infinity.
        BinOp::RShift => match y.to_u64().filter(|&n| n < x.bits()) {
            Some(n) => x >> n,
            None => BigInt::from(if x.is_negative() { -1 } else { 0 }),
        },
    }))
}

/// `x / y` for two ints: the float nearest the exact quotient, as CPython's `long_true_divide`
/// computes it (not the quotient of the two rounded floats).
pub(crate) fn true_div(x: &BigInt, y: &BigInt) -> Result<f64, Exception> {
    if y.is_zero() {
        return Err(zero_division("division by zero"));
    }
    if x.is_zero() {
        return Ok(if x.sign() == y.sign() || y.is_positive() { 0.0 } else { -0.0 });
    }
    let negative = x.is_negative() != y.is_negative();
    let (n, d) = (x.magnitude(), y.magnitude());
    // Both exact in a float: one correctly rounded division.
    if n.bits() <= 53 && d.bits() <= 53 {
        let q = n.to_f64().unwrap_or(0.0) / d.to_f64().unwrap_or(1.0);
        return Ok(if negative { -q } else { q });
    }
    // Scale so the integer quotient has 55 bits or more: its low bits and the remainder decide
    // the rounding, once.
    let shift = 55 + d.bits() as i64 - n.bits() as i64;
    let (num, den) = if shift >= 0 { (n << shift as u64, d.clone()) } else { (n.clone(), d << (-shift) as u64) };
    let (q, r) = num.div_rem(&den);
    let q = q.to_u64().unwrap_or(u64::MAX);
    // The exponent of the result: q * 2**-shift, q in [2**54, 2**56).
    let exponent = 64 - q.leading_zeros() as i64 - shift; // bits above the point
    if exponent > 1024 {
        return Err(Exception::new(ErrorKind::OverflowError, "integer division result too large for a float"));
    }
    // How many of q's bits a float keeps: 53, fewer for a subnormal result.
    let q_bits = 64 - q.leading_zeros() as i64;
    let keep = if exponent < -1021 { (53 - (-1021 - exponent)).max(0) } else { 53 };
    let drop = (q_bits - keep).max(0) as u32;
    let (mut mantissa, rest) = if drop >= 64 { (0, q) } else { (q >> drop, q & ((1u64 << drop) - 1)) };
    let half = if drop == 0 { 0 } else { 1u64 << (drop - 1) };
    let sticky = !r.is_zero();
    if drop > 0 && (rest > half || (rest == half && (sticky || mantissa & 1 == 1))) {
        mantissa += 1;
    }
    let value = super::float::ldexp(mantissa as f64, drop as i64 - shift);
    if value.is_infinite() {
        return Err(Exception::new(ErrorKind::OverflowError, "integer division result too large for a float"));
    }
    Ok(if negative { -value } else { value })
}

/// An int against a float, exactly (`2**64 + 1 > 2.0**64`); `None` against a NaN.
pub(crate) fn cmp_float(x: &BigInt, f: f64) -> Option<Ordering> {
    if f.is_nan() {
        return None;
    }
    if f.is_infinite() {
        return Some(if f > 0.0 { Ordering::Less } else { Ordering::Greater });
    }
    match x.cmp(&from_f64(f)?) {
        Ordering::Equal => 0.0f64.partial_cmp(&f.fract()),
        o => Some(o),
    }
}

/// `int(f)` for a finite float of any size.
pub(crate) fn from_f64(f: f64) -> Option<BigInt> {
    num_traits::FromPrimitive::from_f64(f.trunc())
}

/// CPython's `hash()` of an int: its value modulo 2**61 - 1, with its sign; -1 is -2.
pub(crate) fn python_hash(x: &BigInt) -> i64 {
    const MODULUS: u64 = (1 << 61) - 1;
    let r = (x.magnitude() % MODULUS).to_i64().unwrap_or(0);
    match if x.is_negative() { -r } else { r } {
        -1 => -2,
        h => h,
    }
}

/// A big int's key hash in dicts: an int that is exactly a float hashes as that float (so
/// `d[2**70]` finds `d[2.0**70]`).
pub(crate) fn key_hash(x: &BigInt) -> u64 {
    match x.to_f64().filter(|f| f.is_finite() && from_f64(*f).as_ref() == Some(x)) {
        Some(f) => super::float::hash_float(f),
        None => crate::heap::object::hash_int(python_hash(x)),
    }
}

fn too_many_digits() -> Exception {
    value_error(format!(
        "Exceeds the limit ({MAX_STR_DIGITS} digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit"
    ))
}

/// `str(x)`: its decimal digits, or CPython's ValueError past 4,300 of them.
pub(crate) fn to_decimal(x: &BigInt) -> Result<String, Exception> {
    // A quick bound first: a number of b bits has at least floor(b * log10(2)) digits.
    if (x.bits() as f64 * std::f64::consts::LOG10_2) as usize > MAX_STR_DIGITS + 1 {
        return Err(too_many_digits());
    }
    let text = x.to_string();
    if text.trim_start_matches('-').len() > MAX_STR_DIGITS {
        return Err(too_many_digits());
    }
    Ok(text)
}

/// The magnitude's digits in `radix` (2, 8, 10, 16).
pub(crate) fn digits(x: &BigInt, radix: u32) -> Result<String, Exception> {
    if radix == 10 {
        to_decimal(&x.abs())
    } else {
        Ok(x.magnitude().to_str_radix(radix))
    }
}

/// `int(text, radix)` of digits already checked (no sign, no underscores), past 64 bits.
pub(crate) fn parse(digits: &str, radix: u32, negative: bool) -> Result<BigInt, Exception> {
    // CPython limits every base that is not a power of two (their conversions are quadratic).
    if !radix.is_power_of_two() && digits.len() > MAX_STR_DIGITS {
        return Err(value_error(format!(
            "Exceeds the limit ({MAX_STR_DIGITS} digits) for integer string conversion: value has {} digits; use sys.set_int_max_str_digits() to increase the limit",
            digits.len()
        )));
    }
    let n = BigInt::parse_bytes(digits.as_bytes(), radix).ok_or_else(|| value_error("invalid literal"))?;
    Ok(if negative { -n } else { n })
}

/// The value as an `i64` if it fits: what every int result is normalized to.
pub(crate) fn small(x: &BigInt) -> Option<i64> {
    x.to_i64()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn big(text: &str) -> BigInt {
        text.parse().unwrap()
    }

    #[test]
    fn true_division_is_correctly_rounded() {
        // (2**53 + 1) / 1 rounds to even; 10**30 / 7 and 2**100 / 3**50 as CPython prints them.
        let two53 = BigInt::from(1u64 << 53);
        assert_eq!(true_div(&(two53 + 1), &BigInt::from(1)).unwrap(), 9007199254740992.0);
        assert_eq!(true_div(&big("1000000000000000000000000000000"), &BigInt::from(7)).unwrap(), 1.4285714285714285e29);
        let x = BigInt::from(2).pow(100);
        let y = BigInt::from(3).pow(50);
        assert_eq!(true_div(&x, &y).unwrap(), 1765780.963259017);
        assert_eq!(true_div(&-x.clone(), &y).unwrap(), -1765780.963259017);
        assert!(true_div(&BigInt::from(2).pow(2000), &BigInt::from(1024)).is_err());
        // A subnormal quotient.
        assert_eq!(true_div(&BigInt::from(1), &BigInt::from(2).pow(1074)).unwrap(), 5e-324);
        assert_eq!(true_div(&BigInt::from(1), &BigInt::from(2).pow(1080)).unwrap(), 0.0);
    }

    #[test]
    fn shifts_floor_and_bitwise_is_twos_complement() {
        let limit = 1 << 40;
        let r = |op, x: &BigInt, y: i64| match binary(op, x, &BigInt::from(y), limit).ok().unwrap() {
            Number::Int(i) => i,
            Number::Float(_) => unreachable!(),
        };
        let x = -BigInt::from(2).pow(70);
        assert_eq!(r(BinOp::RShift, &x, 3), -BigInt::from(2).pow(67));
        assert_eq!(r(BinOp::RShift, &(x.clone() - 1), 69), BigInt::from(-3));
        assert_eq!(r(BinOp::RShift, &x, 500), BigInt::from(-1));
        assert_eq!(r(BinOp::BitAnd, &BigInt::from(2).pow(70), -3), BigInt::from(2).pow(70));
        assert_eq!(r(BinOp::BitOr, &x, 5), x.clone() + 5);
        assert_eq!(r(BinOp::FloorDiv, &BigInt::from(2).pow(100), -3), big("-422550200076076467165567735126"));
        assert_eq!(r(BinOp::Mod, &BigInt::from(2).pow(100), -3), BigInt::from(-2));
        assert_eq!(r(BinOp::Pow, &BigInt::from(0), 0), BigInt::from(1));
        assert_eq!(r(BinOp::Pow, &BigInt::from(-1), 3), BigInt::from(-1));
        assert_eq!(r(BinOp::Pow, &BigInt::from(-1), 4), BigInt::from(1));
    }

    #[test]
    fn hashes_and_float_comparisons_are_cpythons() {
        assert_eq!(python_hash(&BigInt::from(2).pow(64)), 8);
        assert_eq!(python_hash(&-BigInt::from(2).pow(64)), -8);
        assert_eq!(python_hash(&(BigInt::from(2).pow(61) - 1)), 0);
        let x = BigInt::from(2).pow(64);
        assert_eq!(cmp_float(&x, 2f64.powi(64)), Some(Ordering::Equal));
        assert_eq!(cmp_float(&(x.clone() + 1), 2f64.powi(64)), Some(Ordering::Greater));
        assert_eq!(cmp_float(&BigInt::from(10).pow(400), f64::MAX), Some(Ordering::Greater));
        assert_eq!(cmp_float(&BigInt::from(10).pow(400), f64::INFINITY), Some(Ordering::Less));
        assert_eq!(cmp_float(&x, f64::NAN), None);
        assert_eq!(key_hash(&x), super::super::float::hash_float(2f64.powi(64)));
    }

    #[test]
    fn decimal_text_stops_at_cpythons_limit() {
        assert_eq!(to_decimal(&(BigInt::from(10).pow(4300) - 1)).unwrap().len(), 4300);
        assert!(to_decimal(&BigInt::from(10).pow(4300)).is_err());
        assert!(parse(&"1".repeat(4301), 10, false).is_err());
    }
}
