//! Truth, equality and hashing: what `if`, `==` and dict keys need, read from the heap alone.

use super::Context;
use crate::error::{type_error, ErrorKind, Exception};
use crate::heap::object::{hash_int, hash_str};
use crate::heap::{Handle, Heap, Object};
use crate::value::{Value, V};

/// An int's value, with bools as 0 and 1 (as Python's `int` subclass).
#[inline]
pub(crate) fn as_int(v: Value) -> Option<i64> {
    match v.unpack() {
        V::Int(i) => Some(i),
        V::Bool(b) => Some(b as i64),
        _ => None,
    }
}

/// Python's truth value.
#[inline]
pub(crate) fn truthy(heap: &Heap, v: Value) -> Result<bool, Exception> {
    Ok(match v.unpack() {
        V::None | V::Unbound => false,
        V::Bool(b) => b,
        V::Int(i) => i != 0,
        V::Float(f) => f != 0.0,
        V::Func(_) | V::Builtin(_) | V::Module(_) | V::Native(_) | V::RangeIter { .. } => true,
        V::Obj(h) => heap.read(h, |o| match o {
            Object::Str(s) => !s.text.is_empty(),
            Object::List(items) => !items.is_empty(),
            Object::Tuple(items) => !items.is_empty(),
            Object::Dict(d) => !d.is_empty(),
            Object::Set(s) => !s.table.is_empty(),
            Object::Range { start, stop, step } => range_len(*start, *stop, *step) > 0,
            _ => true,
        })?,
    })
}

/// Python's `==`.
#[inline]
pub(crate) fn equal(cx: Context, a: Value, b: Value) -> Result<bool, Exception> {
    equal_at_depth(cx, a, b, 0)
}

fn equal_at_depth(cx: Context, a: Value, b: Value, depth: usize) -> Result<bool, Exception> {
    if a == b {
        return Ok(true);
    }
    if let (Some(x), Some(y)) = (as_int(a), as_int(b)) {
        return Ok(x == y);
    }
    if super::is_float(a) || super::is_float(b) {
        if let Some(ordering) = super::float::number_cmp(a, b) {
            return Ok(ordering == std::cmp::Ordering::Equal);
        }
        // A big int against a float, exactly.
        let (int, f) = match (a.unpack(), b.unpack()) {
            (V::Float(f), _) => (b, f),
            (_, V::Float(f)) => (a, f),
            _ => return Ok(false),
        };
        return Ok(super::bigint::big_of(cx.heap, int)?
            .is_some_and(|x| super::bigint::cmp_float(&x, f) == Some(std::cmp::Ordering::Equal)));
    }
    let (V::Obj(x), V::Obj(y)) = (a.unpack(), b.unpack()) else {
        return Ok(false);
    };
    if depth > cx.nesting_limit {
        return Err(Exception::new(ErrorKind::RecursionError, "maximum recursion depth exceeded in comparison"));
    }
    let heap = cx.heap;
    if let Some(specials) = cx.specials {
        if cx.has_class(x)? || cx.has_class(y)? {
            if let Some(same) = specials.borrow_mut().eq(a, b)? {
                return Ok(same);
            }
            return Ok(false);
        }
    }
    // Strings compare in place: both are immutable, so holding one read lock while taking another is safe.
    let strs = heap.read(x, |ox| match ox {
        Object::Str(s) => Some(heap.read(y, |oy| matches!(oy, Object::Str(t) if t.same_text(s)))),
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
                if !equal_at_depth(cx, p, q, depth + 1)? {
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
                match dict_lookup(cx, y, k)? {
                    Some(w) if equal_at_depth(cx, v, w, depth + 1)? => {}
                    _ => return Ok(false),
                }
            }
            Ok(true)
        }
        (Some(Comparable::Range(r)), Some(Comparable::Range(s))) => Ok(r == s),
        (Some(Comparable::Int(x)), Some(Comparable::Int(y))) => Ok(x == y),
        // A set equals a set or frozenset with the same items.
        (Some(Comparable::Set(xs)), Some(Comparable::Set(_))) => {
            let found = heap.read(y, |o| match o {
                Object::Set(t) => {
                    t.table.len() == xs.len()
                        && xs.iter().all(|&(v, hash)| t.table.contains(hash, &mut |k| key_eq(cx, k, v)))
                }
                _ => false,
            })?;
            Ok(found)
        }
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
                match dict_lookup(cx, dy, k)? {
                    Some(w) if kx == crate::heap::ViewKind::Keys || equal_at_depth(cx, v, w, depth + 1)? => {}
                    _ => return Ok(false),
                }
            }
            Ok(true)
        }
        _ => Ok(false),
    }
}

/// The hash of a dict key, or the TypeError Python raises for an unhashable one.
pub(crate) fn hash_key(cx: Context, key: Value) -> Result<u64, Exception> {
    hash_at_depth(cx, key, 0)
}

fn hash_at_depth(cx: Context, key: Value, depth: usize) -> Result<u64, Exception> {
    match key.unpack() {
        V::None => Ok(0x5eed),
        V::Bool(b) => Ok(hash_int(b as i64)),
        V::Int(i) => Ok(hash_int(i)),
        V::Float(f) => Ok(super::float::hash_float(f)),
        V::Func(f) => Ok(hash_int(f.0 as i64) ^ 0xf00d),
        V::Builtin(b) => Ok(hash_int(b.0 as i64) ^ 0xb111),
        V::Module(m) => Ok(hash_int(m.0 as i64) ^ 0x30d),
        V::Native(f) => Ok(hash_int(((f.module.0 as i64) << 16) | f.index as i64) ^ 0x7a7),
        V::Unbound => Ok(0),
        V::RangeIter { next, stop } => Ok(hash_int(((next as i64) << 32) ^ stop as i64) ^ 0x1a9e),
        V::Obj(h) => {
            if depth > cx.nesting_limit {
                return Err(Exception::new(ErrorKind::RecursionError, "maximum recursion depth exceeded"));
            }
            enum Kind {
                Hash(u64),
                Tuple(Vec<Value>),
                Unhashable(&'static str),
            }
            let kind = cx.heap.read(h, |o| match o {
                Object::Str(s) => Kind::Hash(s.hash()),
                Object::Tuple(items) => Kind::Tuple(items.to_vec()),
                Object::List(_) | Object::Dict(_) | Object::View { .. } => Kind::Unhashable(o.type_name()),
                Object::Set(s) if !s.frozen => Kind::Unhashable("set"),
                Object::Set(s) => Kind::Hash(hash_int(s.table.frozen_hash())),
                Object::Int(b) => Kind::Hash(super::bigint::key_hash(b)),
                _ => Kind::Hash(hash_int(h.number() as i64) ^ 0x0b1ec7),
            })?;
            match kind {
                Kind::Hash(hash) => Ok(hash),
                Kind::Unhashable(name) => Err(type_error(format!("unhashable type: '{name}'"))),
                Kind::Tuple(items) => {
                    let mut hash = hash_str("tuple");
                    for item in items {
                        hash = (hash ^ hash_at_depth(cx, item, depth + 1)?).wrapping_mul(0x100_0000_01b3);
                    }
                    Ok(hash)
                }
            }
        }
    }
}

/// CPython's `hash()` of a set item where CPython's is the same on every run (ints, bools,
/// floats, tuples and frozensets of them), and a fixed stand-in elsewhere (a string's, which
/// CPython salts per run; an object's, by identity): what places items in a set's table, so a
/// set of ints iterates in CPython's order. An unhashable item is CPython's TypeError.
pub(crate) fn python_hash(cx: Context, key: Value) -> Result<i64, Exception> {
    python_hash_at(cx, key, 0)
}

/// CPython's hash of an int: its value modulo the prime 2**61 - 1, with the sign; -1 is -2.
pub(crate) fn python_hash_int(i: i64) -> i64 {
    const MODULUS: u64 = (1 << 61) - 1;
    let r = (i.unsigned_abs() % MODULUS) as i64;
    match if i < 0 { -r } else { r } {
        -1 => -2,
        h => h,
    }
}

fn python_hash_at(cx: Context, key: Value, depth: usize) -> Result<i64, Exception> {
    let avoid_minus_one = |h: i64| if h == -1 { -2 } else { h };
    match key.unpack() {
        V::Int(i) => Ok(python_hash_int(i)),
        V::Bool(b) => Ok(b as i64),
        V::Float(f) => Ok(super::float::python_hash_float(f)),
        V::Obj(h) => {
            if depth > cx.nesting_limit {
                return Err(Exception::new(ErrorKind::RecursionError, "maximum recursion depth exceeded"));
            }
            enum Shape {
                Tuple(Vec<Value>),
                Hash(i64),
                Other,
            }
            let shape = cx.heap.read(h, |o| match o {
                Object::Tuple(items) => Shape::Tuple(items.to_vec()),
                Object::Set(s) if s.frozen => Shape::Hash(s.table.frozen_hash()),
                Object::Int(b) => Shape::Hash(super::bigint::python_hash(b)),
                Object::Str(s) => Shape::Hash(avoid_minus_one(s.hash() as i64)),
                _ => Shape::Other,
            })?;
            match shape {
                Shape::Hash(hash) => Ok(hash),
                // CPython's tuple hash (xxHash's round over the items' hashes).
                Shape::Tuple(items) => {
                    const PRIME_1: u64 = 11_400_714_785_074_694_791;
                    const PRIME_2: u64 = 14_029_467_366_897_019_727;
                    const PRIME_5: u64 = 2_870_177_450_012_600_261;
                    let mut acc = PRIME_5;
                    for &item in &items {
                        let lane = python_hash_at(cx, item, depth + 1)? as u64;
                        acc = acc.wrapping_add(lane.wrapping_mul(PRIME_2));
                        acc = acc.rotate_left(31);
                        acc = acc.wrapping_mul(PRIME_1);
                    }
                    acc = acc.wrapping_add(items.len() as u64 ^ (PRIME_5 ^ 3_527_539));
                    Ok(if acc == u64::MAX { 1_546_275_796 } else { acc as i64 })
                }
                Shape::Other => hash_key(cx, key).map(|h| avoid_minus_one(h as i64)),
            }
        }
        _ => hash_key(cx, key).map(|h| avoid_minus_one(h as i64)),
    }
}

/// Whether two dict keys are the same key. Keys are hashable, hence immutable, so reading them
/// while a dict's lock is held is safe.
pub(crate) fn key_eq(cx: Context, a: Value, b: Value) -> bool {
    equal(cx, a, b).unwrap_or(false)
}

/// Runs `f` with `key`'s hash and a test of whether a stored key is the same key, or fails with
/// the TypeError Python raises for an unhashable key.
///
/// A str key (the common case) is read once, and its read lock is held while `f` runs: the hash
/// and the text every candidate is compared with come from that one read. Strings are immutable,
/// so their locks are only ever taken for reading while they live (the allocation and the sweep
/// that write one cannot overlap a read through a live handle), and holding one while `f` takes
/// a dict's lock cannot deadlock.
pub(crate) fn with_key<R>(
    cx: Context,
    key: Value,
    f: impl FnOnce(u64, &mut dyn FnMut(Value) -> bool) -> R,
) -> Result<R, Exception> {
    let heap = cx.heap;
    let f = match key.handle() {
        Some(h) if heap.kind(h)? == crate::heap::Kind::Str => {
            let read = heap.read(h, |o| match o {
                Object::Str(s) => Ok(f(s.hash(), &mut |k: Value| {
                    k == key
                        || k.handle().is_some_and(|other| {
                            heap.read(other, |o| matches!(o, Object::Str(t) if t.same_text(s))).unwrap_or(false)
                        })
                })),
                // The kind read above names this generation's object: not reached.
                _ => Err(f),
            })?;
            match read {
                Ok(result) => return Ok(result),
                Err(f) => f,
            }
        }
        _ => f,
    };
    let hash = hash_key(cx, key)?;
    Ok(f(hash, &mut |k| key_eq(cx, k, key)))
}

/// The value `key` maps to in `dict`, if any.
pub(crate) fn dict_lookup(cx: Context, dict: Handle, key: Value) -> Result<Option<Value>, Exception> {
    with_key(cx, key, |hash, same| {
        cx.heap.read(dict, |o| match o {
            Object::Dict(d) => d.get(hash, same),
            _ => None,
        })
    })?
    .map_err(Exception::from)
}

/// The number of items in `range(start, stop, step)`.
pub(crate) fn range_len(start: i64, stop: i64, step: i64) -> usize {
    let (start, stop, step) = (start as i128, stop as i128, step as i128);
    let n = if step > 0 { (stop - start + step - 1) / step } else { (start - stop - step - 1) / -step };
    n.max(0) as usize
}

enum Comparable {
    Seq(&'static str, Vec<Value>),
    Dict(Vec<(Value, Value)>),
    Range((i64, i64, i64)),
    View(crate::heap::Handle, crate::heap::ViewKind),
    Set(Vec<(Value, i64)>),
    Int(Box<num_bigint::BigInt>),
}

fn comparable_snapshot(o: &Object) -> Option<Comparable> {
    match o {
        Object::List(items) => Some(Comparable::Seq("list", items.clone())),
        Object::Tuple(items) => Some(Comparable::Seq("tuple", items.to_vec())),
        Object::Dict(d) => Some(Comparable::Dict(d.entries().collect())),
        Object::View { dict, kind } => Some(Comparable::View(*dict, *kind)),
        Object::Set(s) => Some(Comparable::Set(s.table.entries().collect())),
        Object::Int(b) => Some(Comparable::Int(b.clone())),
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
