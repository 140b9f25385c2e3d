//! Slicing: `x[a:b:c]` reads, `x[a:b] = items` and `del x[a:b]` on lists, reads of tuples, strings
//! and ranges; CPython's clamping of the bounds (`PySlice_AdjustIndices`) and its messages.
//!
//! A slice of a list is read, and a list's slice is replaced or deleted, under one access of the
//! list (one `read_leaf` or `write`), as a free-threaded CPython does it under the list's lock:
//! the checker sees one step, never a half-copied slice.

use super::Interp;
use crate::error::{type_error, value_error, Exception};
use crate::heap::{Handle, Kind, Object};
use crate::platform::Platform;
use crate::value::{Value, V};

/// A slice's bounds resolved against a length: the first index, the step, and how many items.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Span {
    pub start: i64,
    pub step: i64,
    pub len: usize,
}

impl Span {
    /// The indices the slice takes, in order.
    pub(crate) fn indices(self) -> impl Iterator<Item = usize> {
        (0..self.len as i64).map(move |k| (self.start + k * self.step) as usize)
    }
}

/// One bound of a slice: an int, or None (absent).
fn bound(v: Value) -> Result<Option<i64>, Exception> {
    match v.unpack() {
        V::None => Ok(None),
        V::Int(i) => Ok(Some(i)),
        V::Bool(b) => Ok(Some(b as i64)),
        _ => Err(type_error("slice indices must be integers or None or have an __index__ method")),
    }
}

/// Slice `(start, stop, step)` over a sequence of `len` items, as CPython resolves it.
pub(crate) fn resolve(start: Value, stop: Value, step: Value, len: usize) -> Result<Span, Exception> {
    let step = bound(step)?.unwrap_or(1);
    if step == 0 {
        return Err(value_error("slice step cannot be zero"));
    }
    let (start, stop) = (bound(start)?, bound(stop)?);
    let len = len as i64;
    let (lower, upper) = if step < 0 { (-1, len - 1) } else { (0, len) };
    let clamp = |v: Option<i64>, default: i64| match v {
        None => default,
        Some(v) if v < 0 => (v.saturating_add(len)).max(lower),
        Some(v) => v.min(upper),
    };
    let start = clamp(start, if step < 0 { upper } else { lower });
    let stop = clamp(stop, if step < 0 { lower } else { upper });
    let count = if step < 0 {
        if stop < start {
            (start - stop - 1) / step.saturating_neg() + 1
        } else {
            0
        }
    } else if start < stop {
        (stop - start - 1) / step + 1
    } else {
        0
    };
    Ok(Span { start, step, len: count as usize })
}

impl<P: Platform> Interp<'_, P> {
    /// The parts of `index` if it is a slice object.
    pub(crate) fn slice_parts(&self, index: Value) -> Result<Option<(Value, Value, Value)>, Exception> {
        let Some(h) = index.handle() else { return Ok(None) };
        if self.shared.heap.kind(h)? != Kind::Slice {
            return Ok(None);
        }
        Ok(self.shared.heap.read(h, |o| match *o {
            Object::Slice(ref parts) => Some((parts[0], parts[1], parts[2])),
            _ => None,
        })?)
    }

    /// `slice(stop)`, `slice(start, stop[, step])`, and `BuildSlice`.
    pub(crate) fn new_slice(&self, start: Value, stop: Value, step: Value) -> Result<Value, Exception> {
        self.alloc(Object::Slice(Box::new([start, stop, step])))
    }

    /// `obj[start:stop:step]` for a list, tuple, str or range `h`; `None` for other objects (an
    /// instance's `__getitem__` gets the slice object).
    pub(crate) fn get_slice(&mut self, h: Handle, parts: (Value, Value, Value)) -> Result<Option<Value>, Exception> {
        let (start, stop, step) = parts;
        enum Got {
            List(Vec<Value>),
            Tuple(Vec<Value>),
            Str(String),
            Range(i64, i64, i64),
            Other,
        }
        let got = self.shared.heap.read_leaf(h, self.reader(), |o| -> Result<Got, Exception> {
            Ok(match o {
                Object::List(items) => {
                    let span = resolve(start, stop, step, items.len())?;
                    Got::List(span.indices().map(|i| items[i]).collect())
                }
                Object::Tuple(items) => {
                    let span = resolve(start, stop, step, items.len())?;
                    Got::Tuple(span.indices().map(|i| items[i]).collect())
                }
                Object::Str(s) if s.text.is_ascii() => {
                    let span = resolve(start, stop, step, s.text.len())?;
                    let bytes = s.text.as_bytes();
                    Got::Str(span.indices().map(|i| bytes[i] as char).collect())
                }
                Object::Str(s) => {
                    let chars: Vec<char> = s.text.chars().collect();
                    let span = resolve(start, stop, step, chars.len())?;
                    Got::Str(span.indices().map(|i| chars[i]).collect())
                }
                Object::Range { start: r_start, stop: r_stop, step: r_step } => {
                    let span = resolve(start, stop, step, super::ops::range_len(*r_start, *r_stop, *r_step))?;
                    let first = r_start.saturating_add(span.start.saturating_mul(*r_step));
                    let step = r_step.saturating_mul(span.step);
                    Got::Range(first, first.saturating_add((span.len as i64).saturating_mul(step)), step)
                }
                _ => Got::Other,
            })
        })??;
        Ok(Some(match got {
            Got::List(items) => self.new_list(items)?,
            Got::Tuple(items) => self.new_tuple(items)?,
            Got::Str(text) => self.new_str(text)?,
            Got::Range(start, stop, step) => self.alloc(Object::Range { start, stop, step })?,
            Got::Other => return Ok(None),
        }))
    }

    /// `lst[start:stop:step] = value`: the items of `value` (taken before the list is touched,
    /// so `a[:] = a` works) replace the slice; an extended slice needs as many as it has.
    pub(crate) fn set_slice(&mut self, h: Handle, parts: (Value, Value, Value), value: Value) -> Result<(), Exception> {
        let (start, stop, step) = parts;
        let items = match self.iterate(value) {
            Ok(items) => items,
            Err(e) if e.kind == crate::error::ErrorKind::TypeError && e.message.ends_with("object is not iterable") => {
                return Err(type_error("can only assign an iterable"));
            }
            Err(e) => return Err(e),
        };
        let base = self.roots.stack.len();
        self.roots.stack.extend_from_slice(&items);
        let result = self.shared.heap.write(h, |o| -> Result<(), Exception> {
            let Object::List(list) = o else { return Ok(()) };
            let span = resolve(start, stop, step, list.len())?;
            if span.step == 1 {
                let from = span.start as usize;
                list.splice(from..from + span.len, items);
                return Ok(());
            }
            if items.len() != span.len {
                return Err(value_error(format!(
                    "attempt to assign sequence of size {} to extended slice of size {}",
                    items.len(),
                    span.len
                )));
            }
            for (i, item) in span.indices().zip(items) {
                list[i] = item;
            }
            Ok(())
        });
        self.roots.stack.truncate(base);
        result?
    }

    /// `del lst[start:stop:step]`.
    pub(crate) fn del_slice(&mut self, h: Handle, parts: (Value, Value, Value)) -> Result<(), Exception> {
        let (start, stop, step) = parts;
        self.shared.heap.write(h, |o| -> Result<(), Exception> {
            let Object::List(list) = o else { return Ok(()) };
            let span = resolve(start, stop, step, list.len())?;
            if span.step == 1 {
                let from = span.start as usize;
                list.drain(from..from + span.len);
                return Ok(());
            }
            let mut doomed = vec![false; list.len()];
            for i in span.indices() {
                doomed[i] = true;
            }
            let mut k = 0;
            list.retain(|_| {
                k += 1;
                !doomed[k - 1]
            });
            Ok(())
        })?
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn span(start: Option<i64>, stop: Option<i64>, step: Option<i64>, len: usize) -> Vec<usize> {
        let v = |x: Option<i64>| x.map_or(Value::NONE, Value::int);
        resolve(v(start), v(stop), v(step), len).unwrap().indices().collect()
    }

    #[test]
    fn bounds_clamp_as_cpython_clamps_them() {
        assert_eq!(span(None, None, None, 4), [0, 1, 2, 3]);
        assert_eq!(span(Some(1), Some(-1), None, 4), [1, 2]);
        assert_eq!(span(Some(-10), Some(10), None, 3), [0, 1, 2]);
        assert_eq!(span(None, None, Some(-1), 3), [2, 1, 0]);
        assert_eq!(span(Some(5), None, Some(-2), 4), [3, 1]);
        assert_eq!(span(None, Some(-10), Some(-1), 3), [2, 1, 0]);
        assert_eq!(span(Some(3), Some(1), None, 5), Vec::<usize>::new());
        assert_eq!(span(None, None, Some(3), 7), [0, 3, 6]);
        assert_eq!(span(Some(i64::MIN), Some(i64::MAX), Some(i64::MAX), 3), [0]);
        assert!(resolve(Value::NONE, Value::NONE, Value::int(0), 3).is_err());
    }
}
