//! The `math` module: CPython's functions over floats (the platform's libm, as CPython calls it,
//! so results agree to the last bit), with its domain and range errors, and the integer
//! functions (`factorial`, `gcd`, `comb`, `isqrt`, ...) computed through the interpreter's own
//! arithmetic. Every function is pure: nothing here touches the heap's shared objects except to
//! read an iterable's items (`fsum`, `prod`), which is an ordinary iteration.

use super::calls::arity;
use super::Interp;
use crate::ast::BinOp;
use crate::builtins::MathFn;
use crate::error::{type_error, value_error, ErrorKind, Exception};
use crate::platform::Platform;
use crate::value::{Value, V};
use crate::value_ops::as_float;
use crate::value_ops::float::{frexp, ldexp};

fn domain_error() -> Exception {
    value_error("math domain error")
}

fn range_error() -> Exception {
    Exception::new(ErrorKind::OverflowError, "math range error")
}

/// A libm result with CPython's checks (`math_1` in `mathmodule.c`): a NaN from a non-NaN
/// argument is a domain error; an infinity from a finite one is a range error where the
/// function can overflow (`can_overflow`), else a domain error (a pole, as `atanh(1)`).
fn checked(x: f64, r: f64, can_overflow: bool) -> Result<f64, Exception> {
    if r.is_nan() && !x.is_nan() {
        return Err(domain_error());
    }
    if r.is_infinite() && x.is_finite() {
        return Err(if can_overflow { range_error() } else { domain_error() });
    }
    Ok(r)
}

/// CPython's `m_log`: the natural logarithm with its domain errors (0 and negatives).
fn log(x: f64) -> Result<f64, Exception> {
    if x.is_nan() || x == f64::INFINITY {
        return Ok(x);
    }
    if x <= 0.0 {
        return Err(domain_error());
    }
    Ok(x.ln())
}

/// `fsum`: Shewchuk's exact partial sums, rounded once at the end as CPython's `math_fsum` does
/// (including its correction for a sum that lands halfway between two floats).
fn fsum(values: &[f64]) -> Result<f64, Exception> {
    let mut partials: Vec<f64> = Vec::new();
    let (mut special, mut inf_sum) = (0.0f64, 0.0f64);
    for &v in values {
        let mut x = v;
        if !x.is_finite() {
            // An infinity or a NaN among the items decides the result on its own.
            if x.is_infinite() {
                inf_sum += x;
            }
            special += x;
            continue;
        }
        let mut kept = 0;
        for j in 0..partials.len() {
            let mut y = partials[j];
            if x.abs() < y.abs() {
                std::mem::swap(&mut x, &mut y);
            }
            let hi = x + y;
            let lo = y - (hi - x);
            if lo != 0.0 {
                partials[kept] = lo;
                kept += 1;
            }
            x = hi;
        }
        partials.truncate(kept);
        if !x.is_finite() {
            return Err(Exception::new(ErrorKind::OverflowError, "intermediate overflow in fsum"));
        }
        partials.push(x);
    }
    if special != 0.0 {
        if inf_sum.is_nan() {
            return Err(value_error("-inf + inf in fsum"));
        }
        return Ok(special);
    }
    let Some(mut hi) = partials.pop() else { return Ok(0.0) };
    let mut lo = 0.0;
    while let Some(y) = partials.pop() {
        let x = hi;
        hi = x + y;
        let yr = hi - x;
        lo = y - yr;
        if lo != 0.0 {
            break;
        }
    }
    // Round half-even correctly: if the rest of the partials push the same way as `lo`, the
    // sum is not exactly halfway and `hi` moves by `lo * 2` when that is representable.
    if let Some(&next) = partials.last() {
        if (lo < 0.0 && next < 0.0) || (lo > 0.0 && next > 0.0) {
            let y = lo * 2.0;
            let x = hi + y;
            if y == x - hi {
                hi = x;
            }
        }
    }
    Ok(hi)
}

impl<P: Platform> Interp<'_, P> {
    /// An argument as a float (`must be real number, not str` otherwise).
    fn real_arg(&self, v: Value) -> Result<f64, Exception> {
        if let Some(f) = as_float(v) {
            return Ok(f);
        }
        self.float_value(v)?
            .ok_or_else(|| type_error(format!("must be real number, not {}", self.type_name(v).unwrap_or("object"))))
    }

    /// An argument as an int of any size.
    fn big_arg(&self, v: Value) -> Result<num_bigint::BigInt, Exception> {
        self.int_value(v)?.ok_or_else(|| {
            type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                self.type_name(v).unwrap_or("object")
            ))
        })
    }

    /// An argument as an int (`'float' object cannot be interpreted as an integer` otherwise).
    fn index_arg(&self, v: Value) -> Result<i64, Exception> {
        if self.is_big_int(v) {
            return Err(Exception::new(ErrorKind::OverflowError, "Python int too large to convert to C long"));
        }
        crate::value_ops::as_int(v).ok_or_else(|| {
            type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                self.type_name(v).unwrap_or("object")
            ))
        })
    }

    /// `math.floor`, `ceil`, `trunc`: an int stays itself; a float is rounded to an int.
    fn to_int_by(&self, name: &str, v: Value, round: fn(f64) -> f64) -> Result<Value, Exception> {
        match v.unpack() {
            V::Int(_) => Ok(v),
            V::Bool(b) => Ok(Value::int(b as i64)),
            V::Float(f) => self.int_from_float(round(f)),
            _ if self.is_big_int(v) => Ok(v),
            _ if name == "trunc" => {
                Err(type_error(format!("type {} doesn't define __trunc__ method", self.type_name(v)?)))
            }
            _ => Err(type_error(format!("must be real number, not {}", self.type_name(v)?))),
        }
    }

    /// `math.isclose(a, b, *, rel_tol=1e-09, abs_tol=0.0)`.
    pub(crate) fn isclose_keywords(&mut self, args: &[Value], keywords: &[(&str, Value)]) -> Result<Value, Exception> {
        if args.len() != 2 {
            return Err(type_error(format!("isclose() takes exactly 2 positional arguments ({} given)", args.len())));
        }
        let (a, b) = (self.real_arg(args[0])?, self.real_arg(args[1])?);
        let (mut rel_tol, mut abs_tol) = (1e-9, 0.0);
        for &(name, value) in keywords {
            match name {
                "rel_tol" => rel_tol = self.real_arg(value)?,
                "abs_tol" => abs_tol = self.real_arg(value)?,
                _ => return Err(type_error(format!("isclose() got an unexpected keyword argument '{name}'"))),
            }
        }
        if rel_tol < 0.0 || abs_tol < 0.0 {
            return Err(value_error("tolerances must be non-negative"));
        }
        Ok(Value::bool(isclose(a, b, rel_tol, abs_tol)))
    }

    /// A call of a `math` function.
    pub(crate) fn call_math(&mut self, f: MathFn, args: &[Value]) -> Result<Value, Exception> {
        let name = f.name();
        let one = |interp: &Self, args: &[Value]| -> Result<f64, Exception> {
            arity(&format!("math.{name}"), args, 1, 1)?;
            interp.real_arg(args[0])
        };
        let two = |interp: &Self, args: &[Value]| -> Result<(f64, f64), Exception> {
            if args.len() != 2 {
                return Err(type_error(format!("{name} expected 2 arguments, got {}", args.len())));
            }
            Ok((interp.real_arg(args[0])?, interp.real_arg(args[1])?))
        };
        let float = |r: Result<f64, Exception>| r.map(Value::float);
        match f {
            MathFn::Sqrt => {
                let x = one(self, args)?;
                float(if x < 0.0 { Err(domain_error()) } else { Ok(x.sqrt()) })
            }
            MathFn::Exp => float(one(self, args).and_then(|x| checked(x, x.exp(), true))),
            MathFn::Exp2 => float(one(self, args).and_then(|x| checked(x, x.exp2(), true))),
            MathFn::Expm1 => float(one(self, args).and_then(|x| checked(x, x.exp_m1(), true))),
            MathFn::Log => {
                if !(1..=2).contains(&args.len()) {
                    return Err(type_error(format!("log expected 1 or 2 arguments, got {}", args.len())));
                }
                let x = log(self.real_arg(args[0])?)?;
                let Some(&base) = args.get(1) else { return Ok(Value::float(x)) };
                let b = log(self.real_arg(base)?)?;
                if b == 0.0 {
                    return Err(Exception::new(ErrorKind::ZeroDivisionError, "float division by zero"));
                }
                Ok(Value::float(x / b))
            }
            MathFn::Log2 | MathFn::Log10 | MathFn::Log1p => {
                let x = one(self, args)?;
                let r = match f {
                    MathFn::Log2 if x > 0.0 || x.is_nan() => x.log2(),
                    MathFn::Log10 if x > 0.0 || x.is_nan() => x.log10(),
                    MathFn::Log1p if x > -1.0 || x.is_nan() => x.ln_1p(),
                    _ => return Err(domain_error()),
                };
                Ok(Value::float(r))
            }
            MathFn::Sin => float(one(self, args).and_then(|x| checked(x, x.sin(), false))),
            MathFn::Cos => float(one(self, args).and_then(|x| checked(x, x.cos(), false))),
            MathFn::Tan => float(one(self, args).and_then(|x| checked(x, x.tan(), false))),
            MathFn::Asin => float(one(self, args).and_then(|x| checked(x, x.asin(), false))),
            MathFn::Acos => float(one(self, args).and_then(|x| checked(x, x.acos(), false))),
            MathFn::Atan => float(one(self, args).and_then(|x| checked(x, x.atan(), false))),
            MathFn::Sinh => float(one(self, args).and_then(|x| checked(x, x.sinh(), true))),
            MathFn::Cosh => float(one(self, args).and_then(|x| checked(x, x.cosh(), true))),
            MathFn::Tanh => float(one(self, args).and_then(|x| checked(x, x.tanh(), false))),
            MathFn::Asinh => float(one(self, args).and_then(|x| checked(x, x.asinh(), false))),
            MathFn::Acosh => float(one(self, args).and_then(|x| checked(x, x.acosh(), false))),
            MathFn::Atanh => {
                let x = one(self, args)?;
                float(if x.abs() >= 1.0 { Err(domain_error()) } else { Ok(x.atanh()) })
            }
            MathFn::Atan2 => {
                let (y, x) = two(self, args)?;
                Ok(Value::float(y.atan2(x)))
            }
            MathFn::Fabs => float(one(self, args).map(f64::abs)),
            MathFn::Degrees => float(one(self, args).map(f64::to_degrees)),
            MathFn::Radians => float(one(self, args).map(f64::to_radians)),
            MathFn::Copysign => {
                let (x, y) = two(self, args)?;
                Ok(Value::float(x.copysign(y)))
            }
            MathFn::Fmod => {
                let (x, y) = two(self, args)?;
                if y.is_infinite() && x.is_finite() {
                    return Ok(Value::float(x));
                }
                float(checked(x, x % y, false).and_then(|r| {
                    if y == 0.0 && !x.is_nan() {
                        Err(domain_error())
                    } else {
                        Ok(r)
                    }
                }))
            }
            MathFn::Pow => {
                let (x, y) = two(self, args)?;
                // CPython's special cases first (`math_pow`), then libm's pow with its checks.
                if x == 0.0 && y < 0.0 && y.is_finite() {
                    return Err(domain_error());
                }
                if x < 0.0 && x.is_finite() && y.is_finite() && y.fract() != 0.0 {
                    return Err(domain_error());
                }
                let r = x.powf(y);
                if r.is_infinite() && x.is_finite() && y.is_finite() {
                    return Err(range_error());
                }
                Ok(Value::float(r))
            }
            MathFn::Hypot => {
                let mut coords = Vec::with_capacity(args.len());
                for &a in args {
                    coords.push(self.real_arg(a)?);
                }
                Ok(Value::float(hypot(&coords)))
            }
            MathFn::Dist => {
                if args.len() != 2 {
                    return Err(type_error(format!("dist expected 2 arguments, got {}", args.len())));
                }
                let (p, q) = (self.iterate(args[0])?, self.iterate(args[1])?);
                if p.len() != q.len() {
                    return Err(value_error("both points must have the same number of dimensions"));
                }
                let mut diffs = Vec::with_capacity(p.len());
                for (&a, &b) in p.iter().zip(&q) {
                    diffs.push(self.real_arg(a)? - self.real_arg(b)?);
                }
                Ok(Value::float(hypot(&diffs)))
            }
            MathFn::Floor => {
                arity("math.floor", args, 1, 1)?;
                self.to_int_by("floor", args[0], f64::floor)
            }
            MathFn::Ceil => {
                arity("math.ceil", args, 1, 1)?;
                self.to_int_by("ceil", args[0], f64::ceil)
            }
            MathFn::Trunc => {
                arity("math.trunc", args, 1, 1)?;
                self.to_int_by("trunc", args[0], f64::trunc)
            }
            MathFn::Isnan => one(self, args).map(|x| Value::bool(x.is_nan())),
            MathFn::Isinf => one(self, args).map(|x| Value::bool(x.is_infinite())),
            MathFn::Isfinite => one(self, args).map(|x| Value::bool(x.is_finite())),
            MathFn::Isclose => {
                let (a, b) = two(self, args)?;
                Ok(Value::bool(isclose(a, b, 1e-9, 0.0)))
            }
            MathFn::Modf => {
                let x = one(self, args)?;
                let (fract, int) = if x.is_infinite() { (0.0f64.copysign(x), x) } else { (x.fract(), x.trunc()) };
                self.new_tuple(vec![Value::float(fract), Value::float(int)])
            }
            MathFn::Frexp => {
                let x = one(self, args)?;
                let (m, e) = frexp(x);
                self.new_tuple(vec![Value::float(m), Value::int(i64::from(e))])
            }
            MathFn::Ldexp => {
                if args.len() != 2 {
                    return Err(type_error(format!("ldexp expected 2 arguments, got {}", args.len())));
                }
                let x = self.real_arg(args[0])?;
                let i = match args[1].unpack() {
                    V::Int(i) => i,
                    V::Bool(b) => b as i64,
                    _ => return Err(type_error("Expected an int as second argument to ldexp.")),
                };
                let r = ldexp(x, i);
                if r.is_infinite() && x.is_finite() {
                    return Err(range_error());
                }
                Ok(Value::float(r))
            }
            MathFn::Fsum => {
                arity("math.fsum", args, 1, 1)?;
                let mut values = Vec::new();
                for v in self.iterate(args[0])? {
                    values.push(self.real_arg(v)?);
                }
                fsum(&values).map(Value::float)
            }
            MathFn::Prod => {
                arity("math.prod", args, 1, 1)?;
                let mut product = Value::int(1);
                let mut items = self.items(args[0])?;
                while let Some(item) = items.next(self)? {
                    product = self.binary(BinOp::Mul, product, item)?;
                }
                Ok(product)
            }
            MathFn::Factorial => {
                arity("math.factorial", args, 1, 1)?;
                if self.is_big_int(args[0]) {
                    let message = "factorial() argument should not exceed 9223372036854775807";
                    return Err(Exception::new(ErrorKind::OverflowError, message));
                }
                let n = self.index_arg(args[0])?;
                if n < 0 {
                    return Err(value_error("factorial() not defined for negative values"));
                }
                let mut product = Value::int(1);
                for i in 2..=n {
                    product = self.binary(BinOp::Mul, product, Value::int(i))?;
                }
                Ok(product)
            }
            MathFn::Gcd | MathFn::Lcm => {
                use num_integer::Integer;
                let mut acc = num_bigint::BigInt::from(if f == MathFn::Gcd { 0 } else { 1 });
                for &a in args {
                    let x = self.big_arg(a)?;
                    acc = if f == MathFn::Gcd { acc.gcd(&x) } else { acc.lcm(&x) };
                }
                self.new_int(acc)
            }
            MathFn::Isqrt => {
                arity("math.isqrt", args, 1, 1)?;
                let n = self.big_arg(args[0])?;
                if num_traits::Signed::is_negative(&n) {
                    return Err(value_error("isqrt() argument must be nonnegative"));
                }
                self.new_int(n.sqrt())
            }
            MathFn::Comb | MathFn::Perm => {
                let min = if f == MathFn::Perm { 1 } else { 2 };
                if !(min..=2).contains(&args.len()) {
                    return Err(type_error(if f == MathFn::Comb {
                        format!("comb expected 2 arguments, got {}", args.len())
                    } else {
                        format!("perm expected at most 2 arguments, got {}", args.len())
                    }));
                }
                let n = self.index_arg(args[0])?;
                let k = match args.get(1).filter(|v| !matches!(v.unpack(), V::None)) {
                    Some(&k) => self.index_arg(k)?,
                    None => n,
                };
                if n < 0 {
                    return Err(value_error("n must be a non-negative integer"));
                }
                if k < 0 {
                    return Err(value_error("k must be a non-negative integer"));
                }
                if k > n {
                    return Ok(Value::int(0));
                }
                // n * (n-1) * ... * (n-k+1), divided step by step by 1..k for comb (each
                // partial product of j consecutive ints is divisible by j!).
                let k = if f == MathFn::Comb { k.min(n - k) } else { k };
                let mut result = Value::int(1);
                for i in 0..k {
                    result = self.binary(BinOp::Mul, result, Value::int(n - i))?;
                    if f == MathFn::Comb {
                        result = self.binary(BinOp::FloorDiv, result, Value::int(i + 1))?;
                    }
                }
                Ok(result)
            }
        }
    }
}

/// `math.hypot` and `math.dist`: the Euclidean norm of `coords`, as CPython 3.11 computes it
/// (`vector_norm`): scaled by a power of two so the largest magnitude is in [0.5, 1), squares
/// and sums kept exact in two parts, then one square root with a differential correction, so the
/// result is the correctly rounded norm in almost every case (and the same float as CPython's).
fn hypot(coords: &[f64]) -> f64 {
    let mut max = 0.0f64;
    let mut nan = false;
    let mut vec: Vec<f64> = coords.iter().map(|c| c.abs()).collect();
    for &a in &vec {
        nan |= a.is_nan();
        if a > max {
            max = a;
        }
    }
    vector_norm(&mut vec, max, nan)
}

fn vector_norm(vec: &mut [f64], max: f64, nan: bool) -> f64 {
    if max.is_infinite() {
        return max;
    }
    if nan {
        return f64::NAN;
    }
    if max == 0.0 || vec.len() <= 1 {
        return max;
    }
    let (_, max_e) = frexp(max);
    if max_e < -1023 {
        // Subnormals: scale up to normals first (1/2**-max_e would overflow).
        for x in vec.iter_mut() {
            *x /= f64::MIN_POSITIVE;
        }
        return f64::MIN_POSITIVE * vector_norm(vec, max / f64::MIN_POSITIVE, nan);
    }
    let scale = ldexp(1.0, -i64::from(max_e));
    // An exact product and an exact sum (of a larger and a smaller term), each as two floats.
    let mul = |x: f64, y: f64| {
        let hi = x * y;
        (hi, x.mul_add(y, -hi))
    };
    let fast_sum = |a: f64, b: f64| {
        let hi = a + b;
        (hi, (a - hi) + b)
    };
    let (mut csum, mut frac1, mut frac2) = (1.0f64, 0.0f64, 0.0f64);
    for &x in vec.iter() {
        let x = x * scale;
        let (hi, lo) = mul(x, x);
        let (s, slo) = fast_sum(csum, hi);
        csum = s;
        frac1 += lo;
        frac2 += slo;
    }
    let mut h = (csum - 1.0 + (frac1 + frac2)).sqrt();
    let (hi, lo) = mul(-h, h);
    let (s, slo) = fast_sum(csum, hi);
    csum = s;
    frac1 += lo;
    frac2 += slo;
    let x = csum - 1.0 + (frac1 + frac2);
    h += x / (2.0 * h);
    h / scale
}

/// `math.isclose(a, b)` with its default tolerances.
fn isclose(a: f64, b: f64, rel_tol: f64, abs_tol: f64) -> bool {
    if a == b {
        return true;
    }
    if a.is_infinite() || b.is_infinite() {
        return false;
    }
    let diff = (b - a).abs();
    diff <= (rel_tol * b).abs() || diff <= (rel_tol * a).abs() || diff <= abs_tol
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fsum_is_exact_where_a_plain_sum_is_not() {
        assert_eq!(fsum(&[0.1; 10]).unwrap(), 1.0);
        assert_eq!(fsum(&[1e100, 1.0, -1e100, 1e-100, 1e50, -1.0, -1e50]).unwrap(), 1e-100);
        assert_eq!(fsum(&[]).unwrap(), 0.0);
        assert!(fsum(&[f64::INFINITY, f64::NEG_INFINITY]).is_err());
    }

    #[test]
    fn frexp_and_ldexp_invert_each_other() {
        for x in [1.0, 0.375, -7.5e300, 5e-324, 2.2250738585072014e-308, 123456.789] {
            let (m, e) = frexp(x);
            assert!((0.5..1.0).contains(&m.abs()), "{x}: {m}");
            assert_eq!(ldexp(m, i64::from(e)), x);
        }
        assert_eq!(ldexp(1.0, -1074), 5e-324);
        assert_eq!(ldexp(1.0, 1024), f64::INFINITY);
    }
}
