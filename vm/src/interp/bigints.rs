//! Ints past 64 bits in the interpreter: reading them, allocating results (normalized: a result
//! that fits in an `i64` is an immediate value again), and the operators where one operand is
//! big or a small-int result left 64 bits. The arithmetic itself is `value_ops::bigint`.
//!
//! A big int is immutable, like a str: under the checker reading one is no step of its own (the
//! value it was read from, a list item or a variable, is the access that races).

use super::Interp;
use crate::ast::{BinOp, CmpOp, UnaryOp};
use crate::error::{ErrorKind, Exception};
use crate::heap::{Kind, Object};
use crate::platform::Platform;
use crate::value::{Value, V};
use crate::value_ops::bigint::{self, Number};
use num_bigint::BigInt;
use num_traits::Signed;
use std::cmp::Ordering;

impl<P: Platform> Interp<'_, P> {
    /// Whether `v` is a big int (an int that left 64 bits).
    #[inline]
    pub(crate) fn is_big_int(&self, v: Value) -> bool {
        matches!(v.unpack(), V::Obj(h) if self.shared.heap.kind(h).ok() == Some(Kind::Int))
    }

    /// `v`'s value if it is an int of either size (or a bool).
    pub(crate) fn int_value(&self, v: Value) -> Result<Option<BigInt>, Exception> {
        bigint::int_of(&self.shared.heap, v)
    }

    /// An int result: immediate when it fits in 64 bits, else a new heap object.
    pub(crate) fn new_int(&self, x: BigInt) -> Result<Value, Exception> {
        if let Some(i) = bigint::small(&x) {
            return Ok(Value::int(i));
        }
        self.charge((x.bits() / 8) as usize)?;
        self.alloc(Object::Int(Box::new(x)))
    }

    fn number(&self, n: Number) -> Result<Value, Exception> {
        match n {
            Number::Int(x) => self.new_int(x),
            Number::Float(f) => Ok(Value::float(f)),
        }
    }

    /// The most bits an int result may have: the heap's whole size.
    fn int_bits_limit(&self) -> u64 {
        (self.shared.config.limits.max_heap as u64).saturating_mul(8)
    }

    /// `x op y` for two ints as big ints (a small-int result that left 64 bits, or a big operand).
    pub(crate) fn big_int_binary(&mut self, op: BinOp, x: &BigInt, y: &BigInt) -> Result<Value, Exception> {
        let r = bigint::binary(op, x, y, self.int_bits_limit())?;
        self.number(r)
    }

    /// `a op b` where one operand is a big int and the other a number; `None` for anything else
    /// (`2**70 * 'ab'`, which `binary` reports).
    pub(crate) fn big_binary(&mut self, op: BinOp, a: Value, b: Value) -> Result<Option<Value>, Exception> {
        if !self.is_big_int(a) && !self.is_big_int(b) {
            return Ok(None);
        }
        if let (Some(x), Some(y)) = (self.int_value(a)?, self.int_value(b)?) {
            return self.big_int_binary(op, &x, &y).map(Some);
        }
        // A big int and a float: the int converts (an OverflowError past a float's range).
        let (Some(x), Some(y)) = (self.float_value(a)?, self.float_value(b)?) else { return Ok(None) };
        if matches!(op, BinOp::BitAnd | BinOp::BitOr | BinOp::BitXor | BinOp::LShift | BinOp::RShift) {
            return Ok(None);
        }
        crate::value_ops::float::float_binary(op, x, y).map(Some)
    }

    /// A number as a float (a big int converted, or CPython's OverflowError); `None` if `v` is
    /// no number.
    pub(crate) fn float_value(&self, v: Value) -> Result<Option<f64>, Exception> {
        if let Some(f) = crate::value_ops::as_float(v) {
            return Ok(Some(f));
        }
        match bigint::big_of(&self.shared.heap, v)? {
            Some(x) => bigint::to_f64(&x).map(Some),
            None => Ok(None),
        }
    }

    /// `-x`, `+x`, `~x`, `abs(x)` of an int past 64 bits (or of `-2**63`, whose negation is).
    pub(crate) fn big_unary(&mut self, op: UnaryOp, x: BigInt) -> Result<Value, Exception> {
        self.new_int(match op {
            UnaryOp::Neg => -x,
            UnaryOp::Invert => !x,
            _ => x,
        })
    }

    /// The order of two numbers where one is a big int (`None`: not two numbers, or a NaN).
    pub(crate) fn big_order(&self, a: Value, b: Value) -> Result<Option<Option<Ordering>>, Exception> {
        if !self.is_big_int(a) && !self.is_big_int(b) {
            return Ok(None);
        }
        let heap = &self.shared.heap;
        let (x, y) = (bigint::int_of(heap, a)?, bigint::int_of(heap, b)?);
        Ok(match (x, y, a.unpack(), b.unpack()) {
            (Some(x), Some(y), _, _) => Some(Some(x.cmp(&y))),
            (Some(x), None, _, V::Float(f)) => Some(bigint::cmp_float(&x, f)),
            (None, Some(y), V::Float(f), _) => Some(bigint::cmp_float(&y, f).map(Ordering::reverse)),
            _ => None,
        })
    }

    /// `a op b` for a comparison where one side is a big int and the other a number.
    pub(crate) fn big_compare(&self, op: CmpOp, a: Value, b: Value) -> Result<Option<bool>, Exception> {
        if matches!(op, CmpOp::Is | CmpOp::IsNot | CmpOp::In | CmpOp::NotIn) {
            return Ok(None);
        }
        let Some(ordering) = self.big_order(a, b)? else { return Ok(None) };
        Ok(Some(super::ops::ordering_holds(op, ordering)))
    }

    /// `int(f)` for a float of any size (CPython's errors for a NaN and an infinity).
    pub(crate) fn int_from_float(&self, f: f64) -> Result<Value, Exception> {
        // 2**63 as a float: the ints below it (and at or above its negation) fit in an `i64`.
        const LIMIT: f64 = 9_223_372_036_854_775_808.0;
        if f.is_finite() && !(-LIMIT..LIMIT).contains(&f.trunc()) {
            return self.new_int(bigint::from_f64(f).unwrap_or_default());
        }
        crate::value_ops::float::float_to_int(f).map(Value::int)
    }

    /// `round(x, ndigits)` of an int: itself, or to a multiple of `10**-ndigits`, half to even.
    pub(crate) fn round_int(&mut self, x: BigInt, ndigits: Option<i64>) -> Result<Value, Exception> {
        let n = match ndigits {
            Some(n) if n < 0 => n,
            _ => return self.new_int(x),
        };
        let Some(e) = u32::try_from(n.unsigned_abs()).ok().filter(|&e| u64::from(e) * 3 <= x.bits() + 1) else {
            return Ok(Value::int(0));
        };
        let unit = BigInt::from(10).pow(e);
        let (q, r) = num_integer::Integer::div_mod_floor(&x, &unit);
        let twice: BigInt = &r * 2;
        let up = twice > unit || (twice == unit && num_integer::Integer::is_odd(&q));
        self.new_int((q + BigInt::from(up as u8)) * unit)
    }

    /// `pow(b, e, m)`: modular exponentiation, with a negative exponent through the modular inverse
    /// (as CPython 3.8 on), the result taking the modulus's sign.
    pub(crate) fn modular_pow(&mut self, b: BigInt, e: BigInt, m: BigInt) -> Result<Value, Exception> {
        use num_traits::Zero;
        if m.is_zero() {
            return Err(crate::error::value_error("pow() 3rd argument cannot be 0"));
        }
        let base = if e.is_negative() {
            let modulus = m.abs();
            let g = num_integer::Integer::extended_gcd(&num_integer::Integer::mod_floor(&b, &modulus), &modulus);
            if g.gcd != BigInt::from(1) {
                return Err(crate::error::value_error("base is not invertible for the given modulus"));
            }
            g.x
        } else {
            b
        };
        let r = base.modpow(&e.abs(), &m);
        // `modpow` gives a result in [0, m) for m > 0 and (m, 0] for m < 0, as Python does.
        self.new_int(r)
    }

    /// The error for a big int where an index or a size is wanted.
    pub(crate) fn index_overflow(&self) -> Exception {
        Exception::new(ErrorKind::IndexError, "cannot fit 'int' into an index-sized integer")
    }
}
