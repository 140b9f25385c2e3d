//! Operators: arithmetic, comparison, truthiness, equality.

use super::Interp;
use crate::ast::{BinOp, CmpOp, UnaryOp};
use crate::error::{type_error, value_error, ErrorKind, Exception};
use crate::heap::Object;
use crate::platform::Platform;
use crate::runtime::Shared;
use crate::value::{Value, V};
use crate::value_ops::{self, as_int};
use std::cmp::Ordering;

/// Longest str, list or tuple a `+` or `*` may build, so a runaway repeat is a MemoryError.
pub(crate) const MAX_SEQUENCE: usize = 1 << 26;

/// Integer arithmetic with Python's floor semantics; `None` where the result leaves 64 bits
/// (the caller computes it as a big int: `Interp::big_int_binary`).
/// Its errors (a ZeroDivisionError, a negative shift count) are `Some(Err)`.
#[inline]
pub fn int_binary(op: BinOp, x: i64, y: i64) -> Option<Result<Value, Exception>> {
    let r = match op {
        BinOp::Add => x.checked_add(y),
        BinOp::Sub => x.checked_sub(y),
        BinOp::Mul => x.checked_mul(y),
        BinOp::FloorDiv => {
            if y == 0 {
                return Some(Err(Exception::new(ErrorKind::ZeroDivisionError, "integer division or modulo by zero")));
            }
            x.checked_div_euclid(y).map(|_| {
                let q = x / y;
                if (x % y != 0) && ((x < 0) != (y < 0)) {
                    q - 1
                } else {
                    q
                }
            })
        }
        BinOp::Mod => {
            if y == 0 {
                return Some(Err(Exception::new(ErrorKind::ZeroDivisionError, "integer modulo by zero")));
            }
            let r = x.wrapping_rem(y);
            Some(if r != 0 && ((r < 0) != (y < 0)) { r + y } else { r })
        }
        BinOp::Div => return Some(value_ops::float::int_true_div(x, y)),
        BinOp::Pow if y < 0 => {
            return Some(value_ops::float::float_pow(x as f64, y as f64).map(Value::float));
        }
        BinOp::Pow => u32::try_from(y).ok().and_then(|y| x.checked_pow(y)),
        BinOp::BitAnd => Some(x & y),
        BinOp::BitOr => Some(x | y),
        BinOp::BitXor => Some(x ^ y),
        BinOp::LShift | BinOp::RShift if y < 0 => return Some(Err(value_error("negative shift count"))),
        BinOp::LShift if x == 0 => Some(0),
        // Overflow is a shift that loses bits: shifting back must give `x` again.
        BinOp::LShift => u32::try_from(y).ok().filter(|&y| y < 64).map(|y| x << y).filter(|&r| r >> y == x),
        BinOp::RShift => Some(x >> y.min(63)),
    };
    r.map(|r| Ok(Value::int(r)))
}

/// Whether ordering comparison `op` holds for two numbers ordered `ordering` (`None`: a NaN is
/// on one side, and only `!=` holds).
pub(crate) fn ordering_holds(op: CmpOp, ordering: Option<Ordering>) -> bool {
    match op {
        CmpOp::Eq => ordering == Some(Ordering::Equal),
        CmpOp::Ne => ordering != Some(Ordering::Equal),
        CmpOp::Lt => ordering == Some(Ordering::Less),
        CmpOp::Le => matches!(ordering, Some(Ordering::Less | Ordering::Equal)),
        CmpOp::Gt => ordering == Some(Ordering::Greater),
        _ => matches!(ordering, Some(Ordering::Greater | Ordering::Equal)),
    }
}

/// `x op y` for two ints, for the six orderings (`in` and `is` take the general path).
#[inline(always)]
pub(crate) fn int_compare(op: CmpOp, x: i64, y: i64) -> Option<bool> {
    Some(match op {
        CmpOp::Lt => x < y,
        CmpOp::Le => x <= y,
        CmpOp::Gt => x > y,
        CmpOp::Ge => x >= y,
        CmpOp::Eq => x == y,
        CmpOp::Ne => x != y,
        _ => return None,
    })
}

/// The common cases of [`int_binary`], for the dispatch loop to compute in place: `+`, `-`, `*`
/// without overflow and `%` by a positive int. `None` for everything else, which
/// [`int_binary`] computes (or reports).
#[inline(always)]
pub(crate) fn int_binary_fast(op: BinOp, x: i64, y: i64) -> Option<Value> {
    match op {
        BinOp::Add => x.checked_add(y).map(Value::int),
        BinOp::Sub => x.checked_sub(y).map(Value::int),
        BinOp::Mul => x.checked_mul(y).map(Value::int),
        BinOp::Mod if y > 0 => Some(Value::int(x.rem_euclid(y))),
        _ => None,
    }
}

/// `+ - * /` of two numbers, at least one a float, computed in place (a division by zero and
/// everything else take the full path).
#[inline(always)]
pub(crate) fn float_binary_fast(op: BinOp, a: Value, b: Value) -> Option<Value> {
    let (x, y) = match (a.unpack(), b.unpack()) {
        (V::Float(x), V::Float(y)) => (x, y),
        (V::Float(x), V::Int(y)) => (x, y as f64),
        (V::Int(x), V::Float(y)) => (x as f64, y),
        _ => return None,
    };
    Some(Value::float(match op {
        BinOp::Add => x + y,
        BinOp::Sub => x - y,
        BinOp::Mul => x * y,
        BinOp::Div if y != 0.0 => x / y,
        _ => return None,
    }))
}

pub(crate) use crate::value_ops::range_len;

/// Bytes one item of a list or tuple takes.
pub(crate) const ITEM: usize = std::mem::size_of::<Value>();

impl<P: Platform> Interp<'_, P> {
    /// `n` (at least 0) if a sequence of `n * len` items of `each` bytes fits in the heap (and is
    /// at most [`MAX_SEQUENCE`] items long); else MemoryError, before anything is built.
    fn repeat_count(&self, n: i64, len: usize, each: usize) -> Result<usize, Exception> {
        let n = n.max(0) as usize;
        match n.checked_mul(len) {
            Some(total) if total <= MAX_SEQUENCE && total.saturating_mul(each) <= self.shared.heap.room() => Ok(n),
            _ => Err(Exception::new(ErrorKind::MemoryError, "sequence too long")),
        }
    }

    pub(crate) fn unary(&mut self, op: UnaryOp, v: Value) -> Result<Value, Exception> {
        if let (V::Float(f), UnaryOp::Neg | UnaryOp::Pos) = (v.unpack(), op) {
            return Ok(Value::float(if op == UnaryOp::Neg { -f } else { f }));
        }
        if op != UnaryOp::Not && self.is_big_int(v) {
            let x = self.int_value(v)?.unwrap_or_default();
            return self.big_unary(op, x);
        }
        match (op, as_int(v)) {
            (UnaryOp::Not, _) => Ok(Value::bool(!self.truthy(v)?)),
            (UnaryOp::Neg, Some(i)) => match i.checked_neg() {
                Some(n) => Ok(Value::int(n)),
                None => self.big_unary(op, i.into()),
            },
            (UnaryOp::Pos, Some(i)) => Ok(Value::int(i)),
            (UnaryOp::Invert, Some(i)) => Ok(Value::int(!i)),
            (_, None) => {
                let method = match op {
                    UnaryOp::Neg => "__neg__",
                    UnaryOp::Pos => "__pos__",
                    _ => "__invert__",
                };
                if let Some(r) = self.call_special(v, method, &[])? {
                    return Ok(r);
                }
                let symbol = match op {
                    UnaryOp::Neg => "-",
                    UnaryOp::Pos => "+",
                    _ => "~",
                };
                Err(type_error(format!("bad operand type for unary {symbol}: '{}'", self.type_name(v)?)))
            }
        }
    }

    /// A binary operator on anything but two ints (those take the fast path in the loop).
    pub(crate) fn binary(&mut self, op: BinOp, a: Value, b: Value) -> Result<Value, Exception> {
        if let (Some(x), Some(y)) = (as_int(a), as_int(b)) {
            // `&`, `|` and `^` of two bools is a bool.
            if let (V::Bool(_), V::Bool(_), BinOp::BitAnd | BinOp::BitOr | BinOp::BitXor) = (a.unpack(), b.unpack(), op)
            {
                let r = match op {
                    BinOp::BitAnd => x & y,
                    BinOp::BitOr => x | y,
                    _ => x ^ y,
                };
                return Ok(Value::bool(r != 0));
            }
            return match int_binary(op, x, y) {
                Some(r) => r,
                None => self.big_int_binary(op, &x.into(), &y.into()),
            };
        }
        if let (Some(x), Some(y)) = (value_ops::as_float(a), value_ops::as_float(b)) {
            if !matches!(op, BinOp::BitAnd | BinOp::BitOr | BinOp::BitXor | BinOp::LShift | BinOp::RShift) {
                return value_ops::float::float_binary(op, x, y);
            }
        }
        if op == BinOp::Mod {
            if let Some(fmt) = self.str_text(a)? {
                return self.percent_format(&fmt, b);
            }
        }
        if self.is_instance_object(a) || self.is_instance_object(b) {
            if let Some(r) = self.special_binary(op, a, b)? {
                return Ok(r);
            }
        }
        let heap = &self.shared.heap;
        if let (BinOp::Add, V::Obj(x), V::Obj(y)) = (op, a.unpack(), b.unpack()) {
            // str + str, the common case, joins in place: both are immutable, so holding one read lock
            // while taking the other is safe, and neither is copied first. The text and the outcome
            // are left in variables of this frame and the closures return nothing: a string or a
            // flag passed out through nested results is copied in pieces of other sizes than it
            // was written in, which the processor cannot take from its store buffer.
            enum Join {
                NotStrs,
                Joined,
                TooLong,
            }
            let mut text = compact_str::CompactString::const_new("");
            let mut join = Join::NotStrs;
            let mut inner = Ok(());
            heap.read(x, |ox| {
                if let Object::Str(s) = ox {
                    inner = heap.read(y, |oy| {
                        if let Object::Str(t) = oy {
                            let len = s.text.len() + t.text.len();
                            // The size is checked before anything is allocated.
                            if self.repeat_count(1, len, 1).is_err() {
                                join = Join::TooLong;
                                return;
                            }
                            // A short result needs no buffer of its own.
                            text.reserve(len);
                            text.push_str(&s.text);
                            text.push_str(&t.text);
                            join = Join::Joined;
                        }
                    });
                }
            })?;
            inner?;
            match join {
                Join::Joined => return self.new_str(text),
                Join::TooLong => return Err(Exception::new(ErrorKind::MemoryError, "sequence too long")),
                Join::NotStrs => {}
            }
        }
        if let Some(r) = self.set_binary(op, a, b)? {
            return Ok(r);
        }
        let object = |v: Value| -> Result<Option<Object>, Exception> {
            match v.unpack() {
                V::Obj(h) => Ok(heap.read(h, |o| match o {
                    Object::Str(_) | Object::List(_) | Object::Tuple(_) => Some(o.clone()),
                    _ => None,
                })?),
                _ => Ok(None),
            }
        };
        let (oa, ob) = (object(a)?, object(b)?);
        match (op, oa, ob) {
            (BinOp::Add, Some(Object::Str(x)), Some(Object::Str(y))) => {
                self.repeat_count(1, x.text.len() + y.text.len(), 1)?;
                self.new_str(format!("{}{}", x.text, y.text))
            }
            (BinOp::Add, Some(Object::List(mut x)), Some(Object::List(y))) => {
                self.repeat_count(1, x.len() + y.len(), ITEM)?;
                x.extend(y);
                self.new_list(x)
            }
            (BinOp::Add, Some(Object::Tuple(x)), Some(Object::Tuple(y))) => {
                self.repeat_count(1, x.len() + y.len(), ITEM)?;
                self.new_tuple(x.iter().chain(y.iter()).copied().collect())
            }
            (BinOp::Add, Some(x @ (Object::Str(_) | Object::List(_) | Object::Tuple(_))), _) => {
                let name = x.type_name();
                Err(type_error(format!("can only concatenate {name} (not \"{}\") to {name}", self.type_name(b)?)))
            }
            (BinOp::Mul, Some(seq), None) if as_int(b).is_some() => self.repeat(seq, as_int(b).unwrap_or(0)),
            (BinOp::Mul, None, Some(seq)) if as_int(a).is_some() => self.repeat(seq, as_int(a).unwrap_or(0)),
            // A big int with a number (off the paths of the common operands).
            _ => match self.big_binary(op, a, b)? {
                Some(r) => Ok(r),
                None => Err(type_error(format!(
                    "unsupported operand type(s) for {}: '{}' and '{}'",
                    op.symbol(),
                    self.type_name(a)?,
                    self.type_name(b)?
                ))),
            },
        }
    }

    /// `a op= b`: a list extends (`+=`, any iterable) or repeats (`*=`) in place; all else as `a op b`.
    pub(crate) fn inplace_binary(&mut self, op: BinOp, a: Value, b: Value) -> Result<Value, Exception> {
        if self.is_instance_object(a) {
            let [.., inplace] = op.special_methods();
            if let Some(r) = self.call_special(a, inplace, &[b])? {
                if !self.is_not_implemented(r) {
                    return Ok(r);
                }
            }
        }
        if let V::Obj(h) = a.unpack() {
            let is_list = self.shared.heap.read(h, |o| matches!(o, Object::List(_)))?;
            if is_list && op == BinOp::Add {
                let items = self.iterate(b)?;
                self.charge(items.len() * ITEM)?;
                self.shared.heap.write(h, |o| {
                    if let Object::List(list) = o {
                        list.extend(items)
                    }
                })?;
                return Ok(a);
            }
            if !is_list {
                if let Some(r) = self.set_inplace(op, a, b)? {
                    return Ok(r);
                }
            }
            if let (true, BinOp::Mul, Some(n)) = (is_list, op, as_int(b)) {
                let len = self.shared.heap.read(h, |o| if let Object::List(l) = o { l.len() } else { 0 })?;
                let n = self.repeat_count(n, len, ITEM)?;
                self.charge(n.saturating_sub(1) * len * ITEM)?;
                self.shared.heap.write(h, |o| {
                    if let Object::List(list) = o {
                        *list = list.repeat(n)
                    }
                })?;
                return Ok(a);
            }
        }
        // CPython names the augmented operator in the error (`for +=:`).
        self.binary(op, a, b).map_err(|mut e| {
            let plain = format!("unsupported operand type(s) for {}:", op.symbol());
            if e.kind == ErrorKind::TypeError && e.message.starts_with(&plain) {
                let symbol = op.symbol().trim_end_matches(" or pow()");
                e.message = format!("unsupported operand type(s) for {symbol}=:{}", &e.message[plain.len()..]);
            }
            e
        })
    }

    fn repeat(&mut self, seq: Object, n: i64) -> Result<Value, Exception> {
        match seq {
            Object::Str(s) => {
                let n = self.repeat_count(n, s.text.len(), 1)?;
                self.new_str(s.text.repeat(n))
            }
            Object::List(items) => {
                let n = self.repeat_count(n, items.len(), ITEM)?;
                self.new_list(items.repeat(n))
            }
            Object::Tuple(items) => {
                let n = self.repeat_count(n, items.len(), ITEM)?;
                self.new_tuple(items.repeat(n))
            }
            _ => unreachable!("repeat is only called with sequences"),
        }
    }

    pub(crate) fn compare(&mut self, op: CmpOp, a: Value, b: Value) -> Result<bool, Exception> {
        if !matches!(op, CmpOp::Is | CmpOp::IsNot | CmpOp::In | CmpOp::NotIn)
            && (self.is_instance_object(a) || self.is_instance_object(b))
        {
            if let Some(r) = self.rich_compare(op, a, b)? {
                return Ok(r);
            }
        }
        // A big int against a number (two big ints compare as objects, below).
        let mixed = |x: Value, y: Value| {
            matches!(x.unpack(), V::Obj(_)) && matches!(y.unpack(), V::Int(_) | V::Bool(_) | V::Float(_))
        };
        if mixed(a, b) || mixed(b, a) {
            if let Some(r) = self.big_compare(op, a, b)? {
                return Ok(r);
            }
        }
        if (value_ops::is_float(a) || value_ops::is_float(b))
            && !matches!(op, CmpOp::Is | CmpOp::IsNot | CmpOp::In | CmpOp::NotIn)
        {
            if let (Some(_), Some(_)) = (value_ops::as_float(a), value_ops::as_float(b)) {
                let ordering = value_ops::float::number_cmp(a, b);
                return Ok(ordering_holds(op, ordering));
            }
        }
        match op {
            CmpOp::Eq => self.equal_full(a, b),
            CmpOp::Ne => Ok(!self.equal_full(a, b)?),
            CmpOp::Is => Ok(a == b),
            CmpOp::IsNot => Ok(a != b),
            CmpOp::In => self.contains(b, a),
            CmpOp::NotIn => Ok(!self.contains(b, a)?),
            CmpOp::Lt | CmpOp::Le | CmpOp::Gt | CmpOp::Ge => {
                if let Some(r) = self.set_compare(op, a, b)? {
                    return Ok(r);
                }
                let ordering = self.order(op, a, b)?;
                Ok(match op {
                    CmpOp::Lt => ordering == Ordering::Less,
                    CmpOp::Le => ordering != Ordering::Greater,
                    CmpOp::Gt => ordering == Ordering::Greater,
                    _ => ordering != Ordering::Less,
                })
            }
        }
    }

    /// Orders two values of the same orderable kind (ints, strs, lists, tuples), for `<` and min/max.
    pub(crate) fn order(&mut self, op: CmpOp, a: Value, b: Value) -> Result<Ordering, Exception> {
        self.order_at_depth(op, a, b, 0)
    }

    fn order_at_depth(&mut self, op: CmpOp, a: Value, b: Value, depth: usize) -> Result<Ordering, Exception> {
        if let (Some(x), Some(y)) = (as_int(a), as_int(b)) {
            return Ok(x.cmp(&y));
        }
        if let (Some(_), Some(_)) = (value_ops::as_float(a), value_ops::as_float(b)) {
            // A NaN is neither less nor greater: it orders as equal, which keeps it where it is.
            return Ok(value_ops::float::number_cmp(a, b).unwrap_or(Ordering::Equal));
        }
        if self.is_instance_object(a) || self.is_instance_object(b) {
            // Only `<` (or `>`) is asked: enough for min, max and sorting.
            let less = matches!(op, CmpOp::Lt | CmpOp::Le);
            let asked = if less { CmpOp::Lt } else { CmpOp::Gt };
            if let Some(r) = self.rich_compare(asked, a, b)? {
                return Ok(match (r, less) {
                    (true, true) => Ordering::Less,
                    (true, false) => Ordering::Greater,
                    (false, true) => Ordering::Greater,
                    (false, false) => Ordering::Less,
                });
            }
        }
        if depth > self.nesting_limit() {
            return Err(Exception::new(ErrorKind::RecursionError, "maximum recursion depth exceeded in comparison"));
        }
        if let (V::Obj(x), V::Obj(y)) = (a.unpack(), b.unpack()) {
            let heap = &self.shared.heap;
            let kinds = (heap.read(x, sequence_snapshot)?, heap.read(y, sequence_snapshot)?);
            match kinds {
                (Some(Snapshot::Str(s)), Some(Snapshot::Str(t))) => return Ok(s.cmp(&t)),
                (Some(Snapshot::Items(true, xs)), Some(Snapshot::Items(true, ys)))
                | (Some(Snapshot::Items(false, xs)), Some(Snapshot::Items(false, ys))) => {
                    for (&p, &q) in xs.iter().zip(ys.iter()) {
                        if !self.equal(p, q)? {
                            return self.order_at_depth(op, p, q, depth + 1);
                        }
                    }
                    return Ok(xs.len().cmp(&ys.len()));
                }
                _ => {}
            }
        }
        if let Some(ordering) = self.big_order(a, b)? {
            return Ok(ordering.unwrap_or(Ordering::Equal));
        }
        Err(type_error(format!(
            "'{}' not supported between instances of '{}' and '{}'",
            op.symbol(),
            self.type_name(a)?,
            self.type_name(b)?
        )))
    }

    /// Python's truth value (see [`value_ops::truthy`]), with `__bool__` and `__len__` for
    /// objects of classes the program made.
    #[inline]
    pub(crate) fn truthy(&mut self, v: Value) -> Result<bool, Exception> {
        if let Some(h) = v.handle() {
            if matches!(self.shared.heap.kind(h)?, crate::heap::Kind::Instance | crate::heap::Kind::Local) {
                return self.instance_truth(v);
            }
        }
        value_ops::truthy(&self.shared.heap, v)
    }

    #[cold]
    fn instance_truth(&mut self, v: Value) -> Result<bool, Exception> {
        if let Some(r) = self.call_special(v, "__bool__", &[])? {
            return match r.unpack() {
                V::Bool(b) => Ok(b),
                _ => Err(type_error(format!("__bool__ should return bool, returned {}", self.type_name(r)?))),
            };
        }
        if self.call_special_exists(v, "__len__")? {
            return Ok(as_int(self.len_of(v)?).unwrap_or(0) != 0);
        }
        Ok(true)
    }

    /// Python's `==` (see [`value_ops::equal`]).
    #[inline]
    pub(crate) fn equal(&self, a: Value, b: Value) -> Result<bool, Exception> {
        value_ops::equal(self.values(), a, b)
    }

    /// Python's name for the type of `v`.
    #[inline]
    pub(crate) fn type_name(&self, v: Value) -> Result<&'static str, Exception> {
        value_ops::type_name(&self.shared.heap, v)
    }

    /// Python's `==`, with the `__eq__` of classes the program made, inside containers too.
    pub(crate) fn equal_full(&mut self, a: Value, b: Value) -> Result<bool, Exception> {
        if a == b || !(self.may_hold_instances(a) && self.may_hold_instances(b)) {
            return self.equal(a, b);
        }
        self.with_specials(|cx| value_ops::equal(cx, a, b))
    }

    /// `str(v)`, with the `__str__` and `__repr__` of classes the program made.
    pub(crate) fn str_of(&mut self, v: Value) -> Result<String, Exception> {
        if !self.may_hold_instances(v) {
            return value_ops::str_of(self.values(), v);
        }
        self.with_specials(|cx| value_ops::str_of(cx, v))
    }

    /// `repr(v)`, with the `__repr__` of classes the program made.
    pub(crate) fn repr_of(&mut self, v: Value) -> Result<String, Exception> {
        if !self.may_hold_instances(v) {
            return value_ops::repr_of(self.values(), v);
        }
        self.with_specials(|cx| value_ops::repr_of(cx, v))
    }

    /// Whether `v` is, or may contain, an object of a class the program made (not an immediate
    /// value or a str).
    #[inline]
    fn may_hold_instances(&self, v: Value) -> bool {
        v.handle().is_some_and(|h| !matches!(self.shared.heap.kind(h), Ok(crate::heap::Kind::Str)))
    }

    /// Runs `f` with a [`value_ops::Context`] that calls special methods on this thread.
    fn with_specials<R>(&mut self, f: impl FnOnce(value_ops::Context<'_>) -> R) -> R {
        let shared: &Shared<P> = self.shared;
        let nesting_limit = self.nesting_limit();
        let specials = std::cell::RefCell::new(Specials(self));
        f(value_ops::Context { heap: &shared.heap, program: &shared.program, nesting_limit, specials: Some(&specials) })
    }

    /// What the heap-only operations of [`value_ops`] read: this VM's heap and program, and this
    /// thread's nesting limit (objects of classes the program made show and compare as `object`
    /// does: see [`Interp::repr_of`] and [`Interp::equal_full`] for what runs their methods).
    #[inline]
    pub(crate) fn values(&self) -> value_ops::Context<'_> {
        value_ops::Context {
            heap: &self.shared.heap,
            program: &self.shared.program,
            nesting_limit: self.nesting_limit(),
            specials: None,
        }
    }
}

/// A running thread, as what calls special methods for [`value_ops`].
struct Specials<'i, 'a, P: Platform>(&'i mut Interp<'a, P>);

impl<P: Platform> value_ops::Specials for Specials<'_, '_, P> {
    fn text(&mut self, v: Value, as_str: bool) -> Result<Option<String>, Exception> {
        self.0.special_text(v, as_str)
    }

    fn eq(&mut self, a: Value, b: Value) -> Result<Option<bool>, Exception> {
        self.0.rich_compare(CmpOp::Eq, a, b)
    }
}

enum Snapshot {
    Str(String),
    /// `true` for a list, `false` for a tuple.
    Items(bool, Vec<Value>),
}

fn sequence_snapshot(o: &Object) -> Option<Snapshot> {
    match o {
        Object::Str(s) => Some(Snapshot::Str(s.text.to_string())),
        Object::List(items) => Some(Snapshot::Items(true, items.clone())),
        Object::Tuple(items) => Some(Snapshot::Items(false, items.to_vec())),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_fast_int_path_agrees_with_int_binary() {
        let ints = [i64::MIN, i64::MIN + 1, -1_000_003, -97, -2, -1, 0, 1, 2, 3, 97, 1_000_003, i64::MAX - 1, i64::MAX];
        for op in [BinOp::Add, BinOp::Sub, BinOp::Mul, BinOp::FloorDiv, BinOp::Mod] {
            for &x in &ints {
                for &y in &ints {
                    if let Some(fast) = int_binary_fast(op, x, y) {
                        let full = int_binary(op, x, y).map(|r| r.map_err(|e| e.message.clone()));
                        assert_eq!(Some(Ok(fast)), full, "{x} {op:?} {y}");
                    }
                }
            }
        }
        // What it leaves to int_binary: overflow, division, a modulus that is not positive.
        assert_eq!(int_binary_fast(BinOp::Add, i64::MAX, 1), None);
        assert_eq!(int_binary_fast(BinOp::FloorDiv, 7, 2), None);
        assert_eq!(int_binary_fast(BinOp::Mod, 7, -2), None);
        assert_eq!(int_binary_fast(BinOp::Mod, -7, 2), Some(Value::int(1)));
    }
}
