//! The iterator builtins (`enumerate zip map filter reversed iter next any all`) and sorting
//! (`sorted`, `list.sort`), with CPython's laziness: `map` calls its function as items are
//! taken, `zip` stops at the shortest iterable, `any` stops at the first true item.
//!
//! Whatever they take from an iterable, and what a key function returns, stays on the stack
//! while more Python code may run (a `__next__`, a key, an `__lt__`): a collection there sees it.

use super::calls::arity;
use super::Interp;
use crate::ast::CmpOp;
use crate::builtins::Builtin;
use crate::error::{type_error, ErrorKind, Exception};
use crate::heap::{Iter, Kind, Object};
use crate::platform::Platform;
use crate::value::{Value, V};
use std::cmp::Ordering;

impl<P: Platform> Interp<'_, P> {
    /// Calls iterator builtin `builtin` with positional `args`.
    pub(crate) fn call_iterator_builtin(&mut self, builtin: Builtin, args: &[Value]) -> Result<Value, Exception> {
        match builtin {
            Builtin::Enumerate => {
                arity("enumerate", args, 1, 2)?;
                let start = match args.get(1).map(|v| v.unpack()) {
                    None => 0,
                    Some(V::Int(i)) => i,
                    Some(V::Bool(b)) => b as i64,
                    Some(_) => {
                        return Err(type_error(format!(
                            "'{}' object cannot be interpreted as an integer",
                            self.type_name(args[1])?
                        )))
                    }
                };
                self.enumerate(args[0], start)
            }
            Builtin::Zip => {
                let inners = self.iterators_of(args)?;
                self.alloc(Object::Iter(Box::new(Iter::Zip { inners })))
            }
            Builtin::Map => {
                if args.len() < 2 {
                    return Err(type_error("map() must have at least two arguments."));
                }
                let inners = self.iterators_of(&args[1..])?;
                self.alloc(Object::Iter(Box::new(Iter::Map { func: args[0], inners })))
            }
            Builtin::Filter => {
                arity("filter", args, 2, 2)?;
                let inner = self.get_iter(args[1])?;
                self.alloc(Object::Iter(Box::new(Iter::Filter { func: args[0], inner })))
            }
            Builtin::Reversed => {
                arity("reversed", args, 1, 1)?;
                let reversible = match args[0].handle() {
                    Some(h) => matches!(
                        self.shared.heap.kind(h)?,
                        Kind::List | Kind::Tuple | Kind::Str | Kind::Range | Kind::Dict | Kind::DictKeys
                    ),
                    None => false,
                };
                if !reversible {
                    // An instance's `__reversed__`, or its `__len__` and `__getitem__`.
                    if let Some(v) = self.call_special(args[0], "__reversed__", &[])? {
                        return Ok(v);
                    }
                    let sequence = self.call_special_exists(args[0], "__len__")?
                        && self.call_special_exists(args[0], "__getitem__")?;
                    if !sequence {
                        return Err(type_error(format!("'{}' object is not reversible", self.type_name(args[0])?)));
                    }
                    let len = self.call_special(args[0], "__len__", &[])?.unwrap_or(Value::int(0));
                    // The items wait on the stack, where a collection sees them.
                    let base = self.roots.stack.len();
                    for i in (0..len.as_int().unwrap_or(0)).rev() {
                        match self.call_special(args[0], "__getitem__", &[Value::int(i)]) {
                            Ok(item) => self.roots.stack.push(item.unwrap_or(Value::NONE)),
                            Err(e) => {
                                self.roots.stack.truncate(base);
                                return Err(e);
                            }
                        }
                    }
                    let items = self.roots.stack[base..].to_vec();
                    let made = self.alloc(Object::Iter(Box::new(Iter::Snapshot { items, index: 0, dict: None })));
                    self.roots.stack.truncate(base);
                    return made;
                }
                let mut items = self.iterate(args[0])?;
                items.reverse();
                self.alloc(Object::Iter(Box::new(Iter::Snapshot { items, index: 0, dict: None })))
            }
            Builtin::Iter => {
                arity("iter", args, 1, 1)?;
                self.get_iter(args[0])
            }
            Builtin::Next => {
                arity("next", args, 1, 2)?;
                let it = args[0];
                let is_iterator = match it.handle() {
                    Some(h) => match self.shared.heap.kind(h)? {
                        Kind::Iterator | Kind::RangeIterator | Kind::Generator => true,
                        Kind::Instance | Kind::Local => self.call_special_exists(it, "__next__")?,
                        _ => false,
                    },
                    None => false,
                };
                if !is_iterator {
                    return Err(type_error(format!("'{}' object is not an iterator", self.type_name(it)?)));
                }
                if it.handle().is_some_and(|h| self.shared.heap.kind(h).ok() == Some(Kind::Generator)) {
                    // A finished generator's StopIteration carries its return value.
                    return match (self.resume_generator(it, super::generators::Resume::Next)?, args.get(1)) {
                        (super::generators::GenStep::Yielded(v), _) => Ok(v),
                        (super::generators::GenStep::Returned(_), Some(&default)) => Ok(default),
                        (super::generators::GenStep::Returned(v), None) => Err(self.stop_iteration(v)?),
                    };
                }
                match (self.next_item(it)?, args.get(1)) {
                    (Some(v), _) => Ok(v),
                    (None, Some(&default)) => Ok(default),
                    (None, None) => Err(Exception::new(ErrorKind::StopIteration, "")),
                }
            }
            Builtin::Any | Builtin::All => {
                arity(builtin.name(), args, 1, 1)?;
                let want = builtin == Builtin::Any;
                let it = self.get_iter(args[0])?;
                self.roots.stack.push(it);
                let result = loop {
                    match self.next_item(it) {
                        Ok(Some(v)) => match self.truthy(v) {
                            Ok(t) if t == want => break Ok(Value::bool(want)),
                            Ok(_) => {}
                            Err(e) => break Err(e),
                        },
                        Ok(None) => break Ok(Value::bool(!want)),
                        Err(e) => break Err(e),
                    }
                };
                self.roots.stack.pop();
                result
            }
            Builtin::Sorted => {
                arity("sorted", args, 1, 1)?;
                let items = self.iterate(args[0])?;
                let sorted = self.sort_values(items, Value::NONE, false)?;
                self.new_list(sorted)
            }
            _ => unreachable!("not an iterator builtin: {builtin:?}"),
        }
    }

    /// `enumerate(iterable, start)`.
    pub(crate) fn enumerate(&mut self, iterable: Value, start: i64) -> Result<Value, Exception> {
        let inner = self.get_iter(iterable)?;
        self.alloc(Object::Iter(Box::new(Iter::Enumerate { inner, count: start })))
    }

    /// An iterator for each of `iterables`, kept on the stack while the next is made.
    fn iterators_of(&mut self, iterables: &[Value]) -> Result<Vec<Value>, Exception> {
        let base = self.roots.stack.len();
        for &v in iterables {
            match self.get_iter(v) {
                Ok(it) => self.roots.stack.push(it),
                Err(e) => {
                    self.roots.stack.truncate(base);
                    return Err(e);
                }
            }
        }
        Ok(self.roots.stack.drain(base..).collect())
    }

    /// `items` sorted as `sorted(items, key=key, reverse=reverse)` sorts them: a stable merge
    /// sort by `<` (of the keys, when `key` is not None), stopped by the first comparison that
    /// raises. `reverse` keeps equal items in their order, as CPython does.
    pub(crate) fn sort_values(
        &mut self,
        items: Vec<Value>,
        key: Value,
        reverse: bool,
    ) -> Result<Vec<Value>, Exception> {
        let n = items.len();
        let base = self.roots.stack.len();
        self.roots.stack.extend_from_slice(&items);
        let result = self.sort_rooted(base, n, key, reverse);
        self.roots.stack.truncate(base);
        result
    }

    fn sort_rooted(&mut self, base: usize, n: usize, key: Value, reverse: bool) -> Result<Vec<Value>, Exception> {
        // The keys follow the items on the stack.
        let keys_at = if key == Value::NONE {
            base
        } else {
            for i in 0..n {
                let item = self.roots.stack[base + i];
                let k = self.call_from_native(key, &[item])?;
                self.roots.stack.push(k);
            }
            base + n
        };
        let mut order: Vec<usize> = (0..n).collect();
        let mut buffer = vec![0; n];
        let mut width = 1;
        while width < n {
            let mut start = 0;
            while start < n {
                let mid = (start + width).min(n);
                let end = (start + 2 * width).min(n);
                let (mut i, mut j, mut k) = (start, mid, start);
                while i < mid && j < end {
                    let (left, right) = (self.roots.stack[keys_at + order[i]], self.roots.stack[keys_at + order[j]]);
                    // The right item goes first only if it must: stability keeps equal items in order.
                    let right_first = if reverse {
                        self.order(CmpOp::Lt, left, right)? == Ordering::Less
                    } else {
                        self.order(CmpOp::Lt, right, left)? == Ordering::Less
                    };
                    if right_first {
                        buffer[k] = order[j];
                        j += 1;
                    } else {
                        buffer[k] = order[i];
                        i += 1;
                    }
                    k += 1;
                }
                buffer[k..k + mid - i].copy_from_slice(&order[i..mid]);
                k += mid - i;
                buffer[k..k + end - j].copy_from_slice(&order[j..end]);
                start = end;
            }
            std::mem::swap(&mut order, &mut buffer);
            width *= 2;
        }
        Ok(order.into_iter().map(|i| self.roots.stack[base + i]).collect())
    }

    /// The `key=` and `reverse=` keywords of `sorted` and `list.sort`, for `name()`.
    pub(crate) fn sort_keywords(&mut self, name: &str, keywords: &[(&str, Value)]) -> Result<(Value, bool), Exception> {
        let (mut key, mut reverse) = (Value::NONE, false);
        for &(k, v) in keywords {
            match k {
                "key" => key = v,
                "reverse" => reverse = self.truthy(v)?,
                _ => return Err(type_error(format!("'{k}' is an invalid keyword argument for {name}()"))),
            }
        }
        Ok((key, reverse))
    }
}
