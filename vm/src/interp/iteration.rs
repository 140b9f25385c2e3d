//! `for` loops, unpacking, and reading every item of an iterable.

use super::ops::range_len;
use super::Interp;
use crate::error::{type_error, value_error, Exception};
use crate::heap::{Handle, Iter, Object, ViewKind};
use crate::platform::Platform;
use crate::value::{Value, V};

/// The items of an iterable, produced one at a time so `range(10**9)` needs no memory.
pub(crate) enum Items {
    Values(std::vec::IntoIter<Value>),
    Range { next: i64, remaining: usize, step: i64 },
    Chars(std::vec::IntoIter<char>),
}

impl Items {
    pub(crate) fn next<P: Platform>(&mut self, interp: &Interp<'_, P>) -> Result<Option<Value>, Exception> {
        match self {
            Items::Values(values) => Ok(values.next()),
            Items::Range { next, remaining, step } => {
                if *remaining == 0 {
                    return Ok(None);
                }
                let v = *next;
                *remaining -= 1;
                *next = next.wrapping_add(*step);
                Ok(Some(Value::int(v)))
            }
            Items::Chars(chars) => chars.next().map(|c| interp.char_str(c)).transpose(),
        }
    }
}

impl<P: Platform> Interp<'_, P> {
    /// Starts iterating `v`: returns an iterator object for `ForIter`.
    /// For a `for` loop over `v`: the immediate iterator of a `range` of step 1 whose bounds fit
    /// in 32 bits, when the configuration allows them (see
    /// [`crate::VmConfig::immediate_range_iterators`]); `None` for everything else.
    pub(crate) fn immediate_range_iterator(&self, v: Value) -> Option<Value> {
        if !self.shared.config.immediate_range_iterators {
            return None;
        }
        let h = v.handle()?;
        if self.shared.heap.kind(h).ok()? != crate::heap::Kind::Range {
            return None;
        }
        let (start, stop) = self
            .shared
            .heap
            .read(h, |o| match *o {
                Object::Range { start, stop, step: 1 } => Some((i32::try_from(start).ok()?, i32::try_from(stop).ok()?)),
                _ => None,
            })
            .ok()??;
        Some(Value::range_iter(start, stop))
    }

    pub(crate) fn get_iter(&mut self, v: Value) -> Result<Value, Exception> {
        let not_iterable = |name: &str| type_error(format!("'{name}' object is not iterable"));
        let V::Obj(h) = v.unpack() else {
            return Err(not_iterable(self.type_name(v)?));
        };
        if self.is_instance_object(v) {
            return match self.call_special(v, "__iter__", &[])? {
                Some(it) if self.call_special_exists(it, "__next__")? || !self.is_instance_object(it) => {
                    if self.is_instance_object(it) {
                        Ok(it)
                    } else {
                        // `__iter__` gave a built-in iterable's iterator (`iter(self.items)`), or
                        // the iterable itself.
                        self.get_iter(it)
                    }
                }
                Some(it) => Err(type_error(format!("iter() returned non-iterator of type '{}'", self.type_name(it)?))),
                None => Err(not_iterable(self.type_name(v)?)),
            };
        }
        enum Plan {
            Iter(Iter),
            Snapshot,
            Itself,
            No(&'static str),
        }
        let plan = self.shared.heap.read(h, |o| match o {
            Object::List(_) | Object::Tuple(_) | Object::Str(_) => Plan::Iter(Iter::Seq { seq: h, index: 0 }),
            Object::Range { start, stop, step } => Plan::Iter(Iter::Range { next: *start, stop: *stop, step: *step }),
            Object::Dict(_) | Object::View { .. } | Object::Set(_) => Plan::Snapshot,
            Object::Iter(_) | Object::Generator(_) => Plan::Itself,
            _ => Plan::No(o.type_name()),
        })?;
        match plan {
            Plan::Iter(it) => self.alloc(Object::Iter(Box::new(it))),
            Plan::Snapshot => {
                let dict = self.shared.heap.read(h, |o| match o {
                    Object::View { dict, .. } => *dict,
                    _ => h,
                })?;
                // One item per entry, read under the dict's lock: the size the loop began with.
                let items = match self.shared.heap.kind(h)? {
                    crate::heap::Kind::Set | crate::heap::Kind::FrozenSet => self.set_items(h)?,
                    _ => self.snapshot(h)?,
                };
                let len = items.len();
                self.alloc(Object::Iter(Box::new(Iter::Snapshot { items, index: 0, dict: Some((dict, len)) })))
            }
            Plan::Itself => Ok(v),
            Plan::No(name) => Err(not_iterable(name)),
        }
    }

    /// The next item of iterator `it`, or None when it is exhausted.
    pub(crate) fn next_item(&mut self, it: Value) -> Result<Option<Value>, Exception> {
        let V::Obj(h) = it.unpack() else { return Ok(None) };
        let heap = &self.shared.heap;
        /// What one look at the iterator gives: a range's next item (it needs nothing else, so it
        /// steps under that one lock), or where a sequence or a dict snapshot goes on from.
        enum Look {
            Stepped(Option<Value>),
            Seq {
                seq: Handle,
                index: usize,
            },
            Snapshot {
                next: Option<Value>,
                dict: Option<(Handle, usize)>,
            },
            /// No iterator the VM made: an object of a class the program made, with `__next__`.
            Other,
            /// An iterator over other iterators (`enumerate`, `zip`, `map`, `filter`).
            Combined(Iter),
            Generator,
        }
        // The iterator is private to this thread, so reading it, then its sequence, then advancing it
        // is not a race; it also never holds two locks at once.
        let look = heap.write(h, |o| match o {
            Object::Iter(it) => match &mut **it {
                Iter::Range { next, stop, step } => {
                    if (*step > 0 && *next < *stop) || (*step < 0 && *next > *stop) {
                        let item = *next;
                        // Stop rather than overflow at the edge of the int range.
                        *next = next.checked_add(*step).unwrap_or(*stop);
                        Look::Stepped(Some(Value::int(item)))
                    } else {
                        Look::Stepped(None)
                    }
                }
                Iter::Seq { seq, index } => Look::Seq { seq: *seq, index: *index },
                // A snapshot's items are not copied: only the next one is needed.
                Iter::Snapshot { items, index, dict } => {
                    Look::Snapshot { next: items.get(*index).copied(), dict: *dict }
                }
                Iter::Enumerate { inner, count } => {
                    *count += 1;
                    Look::Combined(Iter::Enumerate { inner: *inner, count: *count - 1 })
                }
                other => Look::Combined(other.clone()),
            },
            Object::Generator(_) => Look::Generator,
            _ => Look::Other,
        })?;
        let (item, advance) = match look {
            Look::Stepped(item) => return Ok(item),
            Look::Other => return self.next_of_instance(it),
            Look::Combined(combined) => return self.next_combined(combined),
            Look::Generator => return self.next_of_generator(it),
            Look::Seq { seq, index } => {
                enum Next {
                    Value(Value),
                    Char(char),
                    End,
                }
                let next = heap.read_leaf(seq, self.reader(), |o| match o {
                    Object::List(items) => items.get(index).map_or(Next::End, |&v| Next::Value(v)),
                    Object::Tuple(items) => items.get(index).map_or(Next::End, |&v| Next::Value(v)),
                    // Strings iterate by byte offset so each step is O(1).
                    Object::Str(s) => s.text[index..].chars().next().map_or(Next::End, Next::Char),
                    _ => Next::End,
                })?;
                match next {
                    Next::Value(v) => (Some(v), 1),
                    Next::Char(c) => (Some(self.char_str(c)?), c.len_utf8()),
                    Next::End => (None, 0),
                }
            }
            Look::Snapshot { next, dict } => {
                if let Some((dict, len)) = dict {
                    let (now, what) = heap.read(dict, |o| match o {
                        Object::Dict(d) => (d.len(), "dictionary"),
                        Object::Set(s) => (s.table.len(), "Set"),
                        _ => (len, ""),
                    })?;
                    if now != len {
                        return Err(Exception::new(
                            crate::error::ErrorKind::RuntimeError,
                            format!("{what} changed size during iteration"),
                        ));
                    }
                }
                (next, 1)
            }
        };
        if item.is_some() {
            heap.write(h, |o| {
                if let Object::Iter(it) = o {
                    if let Iter::Seq { index, .. } | Iter::Snapshot { index, .. } = &mut **it {
                        *index += advance
                    }
                }
            })?;
        }
        Ok(item)
    }

    /// The keys of a dict, or the items of a dict view (allocating the `(k, v)` tuples of `items()`).
    fn snapshot(&mut self, h: Handle) -> Result<Vec<Value>, Exception> {
        let (entries, kind) = self.shared.heap.read(h, |o| match o {
            Object::Dict(d) => (Some((h, d.entries().collect::<Vec<_>>())), ViewKind::Keys),
            Object::View { dict, kind } => (Some((*dict, Vec::new())), *kind),
            _ => (None, ViewKind::Keys),
        })?;
        let Some((dict, mut entries)) = entries else {
            return Ok(Vec::new());
        };
        if dict != h {
            entries = self.shared.heap.read(dict, |o| match o {
                Object::Dict(d) => d.entries().collect(),
                _ => Vec::new(),
            })?;
        }
        match kind {
            ViewKind::Keys => Ok(entries.into_iter().map(|(k, _)| k).collect()),
            ViewKind::Values => Ok(entries.into_iter().map(|(_, v)| v).collect()),
            ViewKind::Items => entries.into_iter().map(|(k, v)| self.new_tuple(vec![k, v])).collect(),
        }
    }

    /// Every item of an iterable, lazily where that matters (ranges).
    pub(crate) fn items(&mut self, v: Value) -> Result<Items, Exception> {
        let not_iterable = |name: &str| type_error(format!("'{name}' object is not iterable"));
        let V::Obj(h) = v.unpack() else {
            return Err(not_iterable(self.type_name(v)?));
        };
        if self.is_instance_object(v) {
            return self.instance_items(v).map(|values| Items::Values(values.into_iter()));
        }
        enum Kind {
            Values(Vec<Value>),
            Chars(Vec<char>),
            Range(i64, i64, i64),
            Snapshot,
            Iter,
            No(&'static str),
        }
        let kind = self.shared.heap.read(h, |o| match o {
            Object::List(items) => Kind::Values(items.clone()),
            Object::Tuple(items) => Kind::Values(items.to_vec()),
            Object::Str(s) => Kind::Chars(s.text.chars().collect()),
            Object::Range { start, stop, step } => Kind::Range(*start, *stop, *step),
            Object::Dict(_) | Object::View { .. } => Kind::Snapshot,
            Object::Set(s) => Kind::Values(s.table.items().collect()),
            Object::Iter(_) | Object::Generator(_) => Kind::Iter,
            _ => Kind::No(o.type_name()),
        })?;
        Ok(match kind {
            Kind::Values(values) => Items::Values(values.into_iter()),
            Kind::Chars(chars) => Items::Chars(chars.into_iter()),
            Kind::Range(start, stop, step) => {
                Items::Range { next: start, remaining: range_len(start, stop, step), step }
            }
            Kind::Snapshot => Items::Values(self.snapshot(h)?.into_iter()),
            // A `map` or `filter` runs Python code for each item: the items so far stay rooted.
            Kind::Iter => Items::Values(self.rest_of(v)?.into_iter()),
            Kind::No(name) => return Err(not_iterable(name)),
        })
    }

    /// The next item of an iterator over other iterators. What it takes from them, and what its
    /// function returns, stay on the stack while the next one is taken (a `__next__` or the
    /// function may run a collection).
    fn next_combined(&mut self, combined: Iter) -> Result<Option<Value>, Exception> {
        let base = self.roots.stack.len();
        let result = self.next_combined_rooted(combined, base);
        self.roots.stack.truncate(base);
        result
    }

    fn next_combined_rooted(&mut self, combined: Iter, base: usize) -> Result<Option<Value>, Exception> {
        match combined {
            Iter::Enumerate { inner, count } => match self.next_item(inner)? {
                Some(v) => {
                    self.roots.stack.push(v);
                    self.new_tuple(vec![Value::int(count), v]).map(Some)
                }
                None => Ok(None),
            },
            Iter::Zip { inners } | Iter::Map { inners, .. } if inners.is_empty() => Ok(None),
            Iter::Zip { inners } => {
                for inner in inners {
                    match self.next_item(inner)? {
                        Some(v) => self.roots.stack.push(v),
                        None => return Ok(None),
                    }
                }
                let items = self.roots.stack[base..].to_vec();
                self.new_tuple(items).map(Some)
            }
            Iter::Map { func, inners } => {
                for inner in inners {
                    match self.next_item(inner)? {
                        Some(v) => self.roots.stack.push(v),
                        None => return Ok(None),
                    }
                }
                let args = self.roots.stack[base..].to_vec();
                self.call_from_native(func, &args).map(Some)
            }
            Iter::Filter { func, inner } => loop {
                let Some(v) = self.next_item(inner)? else { return Ok(None) };
                self.roots.stack.push(v);
                let test = if func == Value::NONE { v } else { self.call_from_native(func, &[v])? };
                self.roots.stack.push(test);
                if self.truthy(test)? {
                    return Ok(Some(v));
                }
                self.roots.stack.truncate(base);
            },
            // The VM's own iterators step in `next_item`.
            _ => Ok(None),
        }
    }

    /// `it.__next__()` for an object of a class the program made; its StopIteration ends the
    /// iteration.
    #[cold]
    fn next_of_instance(&mut self, it: Value) -> Result<Option<Value>, Exception> {
        if !self.is_instance_object(it) {
            return Ok(None);
        }
        match self.call_special(it, "__next__", &[]) {
            Ok(Some(v)) => Ok(Some(v)),
            Ok(None) => Err(type_error(format!("'{}' object is not an iterator", self.type_name(it)?))),
            Err(e) if e.kind == crate::error::ErrorKind::StopIteration => Ok(None),
            Err(e) => Err(e),
        }
    }

    /// Every item an object of a class the program made gives through `__iter__` and
    /// `__next__`.
    #[cold]
    fn instance_items(&mut self, v: Value) -> Result<Vec<Value>, Exception> {
        let it = self.get_iter(v)?;
        self.rest_of(it)
    }

    /// Every item iterator `it` has left, collected on the stack (with `it`) as they come: taking
    /// one may run Python code (`__next__`, `map`'s function) and a collection with it.
    fn rest_of(&mut self, it: Value) -> Result<Vec<Value>, Exception> {
        let base = self.roots.stack.len();
        self.roots.stack.push(it);
        let result = loop {
            match self.next_item(it) {
                Ok(Some(item)) => {
                    if (self.roots.stack.len() - base) * super::ops::ITEM >= self.shared.heap.room() {
                        break Err(Exception::new(crate::error::ErrorKind::MemoryError, "sequence too long"));
                    }
                    self.roots.stack.push(item);
                }
                Ok(None) => break Ok(()),
                Err(e) => break Err(e),
            }
        };
        let values: Vec<Value> = self.roots.stack.drain(base..).skip(1).collect();
        result.map(|()| values)
    }

    /// Every item of an iterable, collected.
    pub(crate) fn iterate(&mut self, v: Value) -> Result<Vec<Value>, Exception> {
        let mut items = self.items(v)?;
        let mut out = Vec::new();
        while let Some(item) = items.next(self)? {
            if out.len() >= super::ops::MAX_SEQUENCE || out.len() * super::ops::ITEM >= self.shared.heap.room() {
                return Err(Exception::new(crate::error::ErrorKind::MemoryError, "sequence too long"));
            }
            out.push(item);
        }
        Ok(out)
    }

    /// `a, b = seq`: exactly `count` items.
    /// `a, *rest, z = seq`: the first `before` items, a new list of the middle ones, the last
    /// `after` items, with CPython's errors.
    pub(crate) fn unpack_starred(&mut self, seq: Value, before: usize, after: usize) -> Result<Vec<Value>, Exception> {
        if let V::Int(_) | V::Bool(_) | V::None | V::Float(_) = seq.unpack() {
            return Err(type_error(format!("cannot unpack non-iterable {} object", self.type_name(seq)?)));
        }
        let mut items = self.iterate(seq)?;
        if items.len() < before + after {
            return Err(value_error(format!(
                "not enough values to unpack (expected at least {}, got {})",
                before + after,
                items.len()
            )));
        }
        let tail = items.split_off(items.len() - after);
        let middle = items.split_off(before);
        let middle = self.new_list(middle)?;
        items.push(middle);
        items.extend(tail);
        Ok(items)
    }

    /// `[..., *xs]`: the iterable on top extends the list under it.
    pub(crate) fn display_extend(&mut self) -> Result<(), Exception> {
        let n = self.roots.stack.len();
        let (list, iterable) = (self.roots.stack[n - 2], self.roots.stack[n - 1]);
        let items = match self.iterate(iterable) {
            Err(e) if e.kind == crate::error::ErrorKind::TypeError && e.message.ends_with("is not iterable") => {
                return Err(type_error(format!(
                    "Value after * must be an iterable, not {}",
                    self.type_name(iterable)?
                )));
            }
            result => result?,
        };
        self.charge(items.len() * super::ops::ITEM)?;
        if let V::Obj(h) = list.unpack() {
            self.shared.heap.write(h, |o| {
                if let crate::heap::Object::List(l) = o {
                    l.extend(items)
                }
            })?;
        }
        self.roots.stack.pop();
        Ok(())
    }

    pub(crate) fn unpack(&mut self, seq: Value, count: usize) -> Result<Vec<Value>, Exception> {
        if let V::Int(_) | V::Bool(_) | V::None = seq.unpack() {
            return Err(type_error(format!("cannot unpack non-iterable {} object", self.type_name(seq)?)));
        }
        let items = self.iterate(seq)?;
        if items.len() > count {
            Err(value_error(format!("too many values to unpack (expected {count})")))
        } else if items.len() < count {
            Err(value_error(format!("not enough values to unpack (expected {count}, got {})", items.len())))
        } else {
            Ok(items)
        }
    }
}
