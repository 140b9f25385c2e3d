//! Operators: arithmetic, comparison, truthiness, equality.

use super::Interp;
use crate::ast::{BinOp, CmpOp, UnaryOp};
use crate::error::{overflow_error, type_error, ErrorKind, Exception};
use crate::heap::Object;
use crate::platform::Platform;
use crate::value::Value;
use std::cmp::Ordering;

/// Longest str, list or tuple a `+` or `*` may build, so a runaway repeat is a MemoryError.
pub(crate) const MAX_SEQUENCE: usize = 1 << 26;

/// Integer arithmetic with Python's floor semantics; overflow raises OverflowError.
#[inline]
pub fn int_binary(op: BinOp, x: i64, y: i64) -> Result<Value, Exception> {
    let r = match op {
        BinOp::Add => x.checked_add(y),
        BinOp::Sub => x.checked_sub(y),
        BinOp::Mul => x.checked_mul(y),
        BinOp::FloorDiv => {
            if y == 0 {
                return Err(Exception::new(ErrorKind::ZeroDivisionError, "integer division or modulo by zero"));
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
                return Err(Exception::new(ErrorKind::ZeroDivisionError, "integer modulo by zero"));
            }
            let r = x.wrapping_rem(y);
            Some(if r != 0 && ((r < 0) != (y < 0)) { r + y } else { r })
        }
    };
    r.map(Value::Int).ok_or_else(overflow_error)
}

fn as_int(v: Value) -> Option<i64> {
    match v {
        Value::Int(i) => Some(i),
        Value::Bool(b) => Some(b as i64),
        _ => None,
    }
}

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
        match (op, as_int(v)) {
            (UnaryOp::Not, _) => Ok(Value::Bool(!self.truthy(v)?)),
            (UnaryOp::Neg, Some(i)) => i.checked_neg().map(Value::Int).ok_or_else(overflow_error),
            (UnaryOp::Pos, Some(i)) => Ok(Value::Int(i)),
            (UnaryOp::Neg, None) => Err(type_error(format!("bad operand type for unary -: '{}'", self.type_name(v)?))),
            (UnaryOp::Pos, None) => Err(type_error(format!("bad operand type for unary +: '{}'", self.type_name(v)?))),
        }
    }

    /// A binary operator on anything but two ints (those take the fast path in the loop).
    pub(crate) fn binary(&mut self, op: BinOp, a: Value, b: Value) -> Result<Value, Exception> {
        if let (Some(x), Some(y)) = (as_int(a), as_int(b)) {
            return int_binary(op, x, y);
        }
        let heap = &self.shared.heap;
        let object = |v: Value| -> Result<Option<Object>, Exception> {
            match v {
                Value::Obj(h) => Ok(heap.read(h, |o| match o {
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
            _ => Err(type_error(format!(
                "unsupported operand type(s) for {}: '{}' and '{}'",
                op.symbol(),
                self.type_name(a)?,
                self.type_name(b)?
            ))),
        }
    }

    /// `a op= b`: a list extends (`+=`, any iterable) or repeats (`*=`) in place; all else as `a op b`.
    pub(crate) fn inplace_binary(&mut self, op: BinOp, a: Value, b: Value) -> Result<Value, Exception> {
        if let Value::Obj(h) = a {
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
        self.binary(op, a, b)
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
        match op {
            CmpOp::Eq => self.equal(a, b),
            CmpOp::Ne => Ok(!self.equal(a, b)?),
            CmpOp::Is => Ok(a == b),
            CmpOp::IsNot => Ok(a != b),
            CmpOp::In => self.contains(b, a),
            CmpOp::NotIn => Ok(!self.contains(b, a)?),
            CmpOp::Lt | CmpOp::Le | CmpOp::Gt | CmpOp::Ge => {
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
        if depth > self.nesting_limit() {
            return Err(Exception::new(ErrorKind::RecursionError, "maximum recursion depth exceeded in comparison"));
        }
        if let (Value::Obj(x), Value::Obj(y)) = (a, b) {
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
        Err(type_error(format!(
            "'{}' not supported between instances of '{}' and '{}'",
            op.symbol(),
            self.type_name(a)?,
            self.type_name(b)?
        )))
    }

    /// Python's truth value.
    pub(crate) fn truthy(&self, v: Value) -> Result<bool, Exception> {
        Ok(match v {
            Value::None | Value::Unbound => false,
            Value::Bool(b) => b,
            Value::Int(i) => i != 0,
            Value::Func(_) | Value::Builtin(_) | Value::Module(_) | Value::Native(_) => true,
            Value::Obj(h) => self.shared.heap.read(h, |o| match o {
                Object::Str(s) => !s.text.is_empty(),
                Object::List(items) => !items.is_empty(),
                Object::Tuple(items) => !items.is_empty(),
                Object::Dict(d) => !d.is_empty(),
                Object::Range { start, stop, step } => range_len(*start, *stop, *step) > 0,
                _ => true,
            })?,
        })
    }

    /// Python's `==`.
    pub(crate) fn equal(&self, a: Value, b: Value) -> Result<bool, Exception> {
        self.equal_at_depth(a, b, 0)
    }

    fn equal_at_depth(&self, a: Value, b: Value, depth: usize) -> Result<bool, Exception> {
        if a == b {
            return Ok(true);
        }
        if let (Some(x), Some(y)) = (as_int(a), as_int(b)) {
            return Ok(x == y);
        }
        let (Value::Obj(x), Value::Obj(y)) = (a, b) else {
            return Ok(false);
        };
        if depth > self.nesting_limit() {
            return Err(Exception::new(ErrorKind::RecursionError, "maximum recursion depth exceeded in comparison"));
        }
        let heap = &self.shared.heap;
        // Strings compare in place: both are immutable, so holding one read lock while taking another is safe.
        let strs = heap.read(x, |ox| match ox {
            Object::Str(s) => {
                Some(heap.read(y, |oy| matches!(oy, Object::Str(t) if t.hash == s.hash && t.text == s.text)))
            }
            _ => None,
        })?;
        if let Some(same) = strs {
            return Ok(same?);
        }
        match (heap.read(x, comparable_snapshot)?, heap.read(y, comparable_snapshot)?) {
            (Some(Comparable::Seq(kx, xs)), Some(Comparable::Seq(ky, ys))) if kx == ky => {
                if xs.len() != ys.len() {
                    return Ok(false);
                }
                for (&p, &q) in xs.iter().zip(ys.iter()) {
                    if !self.equal_at_depth(p, q, depth + 1)? {
                        return Ok(false);
                    }
                }
                Ok(true)
            }
            (Some(Comparable::Dict(xs)), Some(Comparable::Dict(_))) => {
                let ylen = heap.read(y, |o| if let Object::Dict(d) = o { d.len() } else { 0 })?;
                if xs.len() != ylen {
                    return Ok(false);
                }
                for (k, v) in xs {
                    match self.dict_lookup(y, k)? {
                        Some(w) if self.equal_at_depth(v, w, depth + 1)? => {}
                        _ => return Ok(false),
                    }
                }
                Ok(true)
            }
            (Some(Comparable::Range(r)), Some(Comparable::Range(s))) => Ok(r == s),
            // `keys()` and `items()` views are set-like: equal when they hold the same keys (and, for
            // items, the same values); `values()` views equal only themselves.
            (Some(Comparable::View(dx, kx)), Some(Comparable::View(dy, ky)))
                if kx == ky && kx != crate::heap::ViewKind::Values =>
            {
                let xs = heap.read(dx, |o| if let Object::Dict(d) = o { d.entries().collect() } else { Vec::new() })?;
                let ylen = heap.read(dy, |o| if let Object::Dict(d) = o { d.len() } else { 0 })?;
                if xs.len() != ylen {
                    return Ok(false);
                }
                for (k, v) in xs {
                    match self.dict_lookup(dy, k)? {
                        Some(w) if kx == crate::heap::ViewKind::Keys || self.equal_at_depth(v, w, depth + 1)? => {}
                        _ => return Ok(false),
                    }
                }
                Ok(true)
            }
            _ => Ok(false),
        }
    }
}

/// The number of items in `range(start, stop, step)`.
pub fn range_len(start: i64, stop: i64, step: i64) -> usize {
    let (start, stop, step) = (start as i128, stop as i128, step as i128);
    let n = if step > 0 { (stop - start + step - 1) / step } else { (start - stop - step - 1) / -step };
    n.max(0) as usize
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

enum Comparable {
    Seq(&'static str, Vec<Value>),
    Dict(Vec<(Value, Value)>),
    Range((i64, i64, i64)),
    View(crate::heap::Handle, crate::heap::ViewKind),
}

fn comparable_snapshot(o: &Object) -> Option<Comparable> {
    match o {
        Object::List(items) => Some(Comparable::Seq("list", items.clone())),
        Object::Tuple(items) => Some(Comparable::Seq("tuple", items.to_vec())),
        Object::Dict(d) => Some(Comparable::Dict(d.entries().collect())),
        Object::View { dict, kind } => Some(Comparable::View(*dict, *kind)),
        Object::Range { start, stop, step } => {
            // Equal ranges are equal as sequences: compare length, first item and step.
            let n = range_len(*start, *stop, *step) as i64;
            Some(Comparable::Range(match n {
                0 => (0, 0, 0),
                1 => (1, *start, 0),
                _ => (n, *start, *step),
            }))
        }
        _ => None,
    }
}
