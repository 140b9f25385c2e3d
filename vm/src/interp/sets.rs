//! `set` and `frozenset`: displays, comprehensions, `set()`, the operators (`| & - ^`, the
//! in-place ones, subset comparisons), `in`, and the methods, each building its result in the
//! order CPython's `Objects/setobject.c` builds it, so results iterate (and print) as CPython's do.
//!
//! A method or operator reads each set it needs once and changes a set under one write, as a
//! free-threaded CPython holds the sets' locks for the whole operation.

use super::Interp;
use crate::ast::{BinOp, CmpOp};
use crate::builtins::Method;
use crate::error::{ErrorKind, Exception};
use crate::heap::object::SetObject;
use crate::heap::set::SetTable;
use crate::heap::{Handle, Kind, Object};
use crate::platform::Platform;
use crate::value::Value;
use crate::value_ops::{self, key_eq};

impl<P: Platform> Interp<'_, P> {
    /// CPython's hash of set item `v`, or its TypeError when it is unhashable.
    fn item_hash(&self, v: Value) -> Result<i64, Exception> {
        value_ops::python_hash(self.values(), v)
    }

    /// Adds `v` to `table` (nothing if an equal item is there).
    fn add_item(&self, table: &mut SetTable, v: Value) -> Result<(), Exception> {
        let hash = self.item_hash(v)?;
        let cx = self.values();
        table.add(v, hash, &mut |k| key_eq(cx, k, v));
        Ok(())
    }

    /// Whether `v` is a set or frozenset.
    pub(crate) fn is_set(&self, v: Value) -> Result<bool, Exception> {
        Ok(match v.handle() {
            Some(h) => matches!(self.shared.heap.kind(h)?, Kind::Set | Kind::FrozenSet),
            None => false,
        })
    }

    /// A copy of the table of set `v`, and whether it is frozen; `None` if `v` is no set.
    fn table_of(&self, v: Value) -> Result<Option<(SetTable, bool)>, Exception> {
        let Some(h) = v.handle() else { return Ok(None) };
        if !matches!(self.shared.heap.kind(h)?, Kind::Set | Kind::FrozenSet) {
            return Ok(None);
        }
        Ok(self.shared.heap.read(h, |o| match o {
            Object::Set(s) => Some((s.table.clone(), s.frozen)),
            _ => None,
        })?)
    }

    /// A new set (or frozenset) holding `table`.
    fn alloc_set(&self, table: SetTable, frozen: bool) -> Result<Value, Exception> {
        self.charge(table.len() * crate::heap::dict::ENTRY_BYTES)?;
        self.alloc(Object::Set(Box::new(SetObject { frozen, table })))
    }

    /// `{a, b, c}` (`BuildSet`) and a set comprehension's start: items added in order; with
    /// `folded`, added to a frozenset first, which is then merged into the new set (what
    /// CPython's constant folding of the display does).
    pub(crate) fn new_set(&mut self, items: &[Value], folded: bool) -> Result<Value, Exception> {
        let mut table = SetTable::new();
        for &v in items {
            self.add_item(&mut table, v)?;
        }
        if folded {
            let mut copy = SetTable::new();
            let cx = self.values();
            copy.merge(&table, &mut |a, b| key_eq(cx, a, b));
            table = copy;
        }
        self.alloc_set(table, false)
    }

    /// The table `set(iterable)` starts with: a set's merged, a dict's keys, or the items of
    /// anything else in the order they come.
    fn table_from(&mut self, iterable: Value) -> Result<SetTable, Exception> {
        let mut table = SetTable::new();
        if let Some((other, _)) = self.table_of(iterable)? {
            let cx = self.values();
            table.merge(&other, &mut |a, b| key_eq(cx, a, b));
            return Ok(table);
        }
        if let Some(h) = iterable.handle() {
            if self.shared.heap.kind(h)? == Kind::Dict {
                let keys = self.iterate(iterable)?;
                table.reserve(keys.len());
                for k in keys {
                    self.add_item(&mut table, k)?;
                }
                return Ok(table);
            }
        }
        let base = self.roots.stack.len();
        let items = self.iterate(iterable)?;
        self.roots.stack.extend_from_slice(&items);
        let added = items.iter().try_for_each(|&v| self.add_item(&mut table, v));
        self.roots.stack.truncate(base);
        added.map(|()| table)
    }

    /// `set(iterable)`, `frozenset(iterable)`.
    pub(crate) fn set_builtin(&mut self, frozen: bool, args: &[Value]) -> Result<Value, Exception> {
        let name = if frozen { "frozenset" } else { "set" };
        super::calls::arity(name, args, 0, 1)?;
        let table = match args.first() {
            Some(&v) => self.table_from(v)?,
            None => SetTable::new(),
        };
        self.alloc_set(table, frozen)
    }

    /// `SetAddTo`: a set comprehension's item.
    pub(crate) fn set_add(&mut self, set: Value, v: Value) -> Result<(), Exception> {
        let h = set.handle().expect("a comprehension's set");
        let hash = self.item_hash(v)?;
        self.charge(crate::heap::dict::ENTRY_BYTES)?;
        let cx = self.values();
        self.shared.heap.write(h, |o| {
            if let Object::Set(s) = o {
                s.table.add(v, hash, &mut |k| key_eq(cx, k, v))
            }
        })?;
        Ok(())
    }

    /// `item in s`.
    pub(crate) fn set_contains(&mut self, h: Handle, item: Value) -> Result<bool, Exception> {
        let hash = self.item_hash(item)?;
        let cx = self.values();
        Ok(self.shared.heap.read(h, |o| match o {
            Object::Set(s) => s.table.contains(hash, &mut |k| key_eq(cx, k, item)),
            _ => false,
        })?)
    }

    /// The items of set `h`, in its order.
    pub(crate) fn set_items(&self, h: Handle) -> Result<Vec<Value>, Exception> {
        Ok(self.shared.heap.read(h, |o| match o {
            Object::Set(s) => s.table.items().collect(),
            _ => Vec::new(),
        })?)
    }

    /// `a | b`, `a & b`, `a - b`, `a ^ b` of two sets (the result's type is `a`'s); `None` when
    /// they are not both sets or `op` is none of these.
    pub(crate) fn set_binary(&mut self, op: BinOp, a: Value, b: Value) -> Result<Option<Value>, Exception> {
        if !matches!(op, BinOp::BitOr | BinOp::BitAnd | BinOp::Sub | BinOp::BitXor) {
            return Ok(None);
        }
        let Some((x, frozen)) = self.table_of(a)? else { return Ok(None) };
        let Some((y, _)) = self.table_of(b)? else { return Ok(None) };
        let table = self.combine(op, x, &y, a == b)?;
        self.alloc_set(table, frozen).map(Some)
    }

    /// The table of `x op y`, built as CPython builds it.
    fn combine(&self, op: BinOp, x: SetTable, y: &SetTable, same: bool) -> Result<SetTable, Exception> {
        let cx = self.values();
        let eq = |a: Value, b: Value| key_eq(cx, a, b);
        Ok(match op {
            // A copy of `x`, then `y` merged in.
            BinOp::BitOr => {
                let mut result = SetTable::new();
                result.merge(&x, &mut |a, b| eq(a, b));
                if !same {
                    result.merge(y, &mut |a, b| eq(a, b));
                }
                result
            }
            // The items of the smaller set that the other has, in the smaller's order.
            BinOp::BitAnd => {
                let (small, large) = if y.len() > x.len() { (&x, y) } else { (y, &x) };
                let mut result = SetTable::new();
                for (v, hash) in small.entries() {
                    if large.contains(hash, &mut |k| eq(k, v)) {
                        result.add(v, hash, &mut |k| eq(k, v));
                    }
                }
                result
            }
            // A much larger `x` is copied and `y`'s items taken out; otherwise `x`'s items that
            // `y` lacks are added in `x`'s order.
            BinOp::Sub => {
                if same {
                    return Ok(SetTable::new());
                }
                if (x.len() >> 2) > y.len() {
                    let mut result = SetTable::new();
                    result.merge(&x, &mut |a, b| eq(a, b));
                    for (v, hash) in y.entries() {
                        result.discard(hash, &mut |k| eq(k, v));
                    }
                    result.purge_after_difference();
                    result
                } else {
                    let mut result = SetTable::new();
                    for (v, hash) in x.entries() {
                        if !y.contains(hash, &mut |k| eq(k, v)) {
                            result.add(v, hash, &mut |k| eq(k, v));
                        }
                    }
                    result
                }
            }
            // A copy of `y`, then each of `x`'s items taken out if there, else added.
            _ => {
                if same {
                    return Ok(SetTable::new());
                }
                let mut result = SetTable::new();
                result.merge(y, &mut |a, b| eq(a, b));
                for (v, hash) in x.entries() {
                    if !result.discard(hash, &mut |k| eq(k, v)) {
                        result.add(v, hash, &mut |k| eq(k, v));
                    }
                }
                result
            }
        })
    }

    /// `s |= t`, `s &= t`, `s -= t`, `s ^= t` on a set (a frozenset makes a new one, as `a op b`).
    pub(crate) fn set_inplace(&mut self, op: BinOp, a: Value, b: Value) -> Result<Option<Value>, Exception> {
        let Some(h) = a.handle() else { return Ok(None) };
        if !matches!(op, BinOp::BitOr | BinOp::BitAnd | BinOp::Sub | BinOp::BitXor)
            || self.shared.heap.kind(h)? != Kind::Set
        {
            return self.set_binary(op, a, b);
        }
        let Some((y, _)) = self.table_of(b)? else { return Ok(None) };
        self.update_in_place(h, op, &y, a == b)?;
        Ok(Some(a))
    }

    /// Changes set `h` to `h op y` in one write: `|` adds `y`'s items (CPython's `set_merge`),
    /// `-` discards them, `^` discards those it has and adds the others, `&` keeps the table
    /// CPython's intersection builds.
    fn update_in_place(&self, h: Handle, op: BinOp, y: &SetTable, same: bool) -> Result<(), Exception> {
        self.charge(y.len() * crate::heap::dict::ENTRY_BYTES)?;
        let cx = self.values();
        let eq = |a: Value, b: Value| key_eq(cx, a, b);
        let x = match op {
            BinOp::BitAnd => self.table_of(Value::obj(h))?.map(|(t, _)| t),
            _ => None,
        };
        let intersection = match x {
            Some(x) => Some(self.combine(BinOp::BitAnd, x, y, same)?),
            None => None,
        };
        self.shared.heap.write(h, |o| {
            let Object::Set(s) = o else { return };
            let table = &mut s.table;
            match op {
                BinOp::BitOr if !same => table.merge(y, &mut |a, b| eq(a, b)),
                BinOp::BitOr => {}
                BinOp::Sub if same => table.clear(),
                BinOp::Sub => {
                    for (v, hash) in y.entries() {
                        table.discard(hash, &mut |k| eq(k, v));
                    }
                    table.purge_after_difference();
                }
                BinOp::BitXor if same => table.clear(),
                BinOp::BitXor => {
                    for (v, hash) in y.entries() {
                        if !table.discard(hash, &mut |k| eq(k, v)) {
                            table.add(v, hash, &mut |k| eq(k, v));
                        }
                    }
                }
                _ => {
                    if let Some(result) = intersection {
                        *table = result;
                    }
                }
            }
        })?;
        Ok(())
    }

    /// `a <= b` (subset), `a < b` (proper subset), `>=`, `>` of two sets; `None` if they are not
    /// both sets.
    pub(crate) fn set_compare(&mut self, op: CmpOp, a: Value, b: Value) -> Result<Option<bool>, Exception> {
        if !matches!(op, CmpOp::Lt | CmpOp::Le | CmpOp::Gt | CmpOp::Ge) {
            return Ok(None);
        }
        let Some((x, _)) = self.table_of(a)? else { return Ok(None) };
        let Some((y, _)) = self.table_of(b)? else { return Ok(None) };
        let (small, large) = if matches!(op, CmpOp::Lt | CmpOp::Le) { (&x, &y) } else { (&y, &x) };
        let subset = self.is_subset(small, large);
        Ok(Some(match op {
            CmpOp::Le | CmpOp::Ge => subset,
            _ => subset && small.len() < large.len(),
        }))
    }

    fn is_subset(&self, small: &SetTable, large: &SetTable) -> bool {
        let cx = self.values();
        small.len() <= large.len() && small.entries().all(|(v, hash)| large.contains(hash, &mut |k| key_eq(cx, k, v)))
    }

    /// The table of a method's argument: a set's own, or one made of any iterable's items.
    fn argument_table(&mut self, v: Value) -> Result<SetTable, Exception> {
        match self.table_of(v)? {
            Some((table, _)) => Ok(table),
            None => self.table_from(v),
        }
    }

    /// The items of a method's argument that is no set, with their hashes, in its order.
    fn hashed_items(&mut self, v: Value) -> Result<Vec<(Value, i64)>, Exception> {
        let base = self.roots.stack.len();
        let items = self.iterate(v)?;
        self.roots.stack.extend_from_slice(&items);
        let hashed = items.iter().map(|&v| Ok((v, self.item_hash(v)?))).collect();
        self.roots.stack.truncate(base);
        hashed
    }

    fn is_dict(&self, v: Value) -> Result<bool, Exception> {
        Ok(match v.handle() {
            Some(h) => self.shared.heap.kind(h)? == Kind::Dict,
            None => false,
        })
    }

    /// `table op other` for the methods: a set argument as the operators take it; any other
    /// iterable as CPython's methods take it (`union` adds its items in its order,
    /// `intersection` keeps them in its order, `difference` copies and discards).
    fn with_argument(&mut self, op: BinOp, table: SetTable, other: Value, same: bool) -> Result<SetTable, Exception> {
        if op == BinOp::BitOr && self.is_set(other)? {
            // `union`'s later arguments merge into the result (a copy already).
            let mut table = table;
            if !same {
                let other_table = self.argument_table(other)?;
                let cx = self.values();
                table.merge(&other_table, &mut |a, b| key_eq(cx, a, b));
            }
            return Ok(table);
        }
        if self.is_set(other)? || (op == BinOp::BitXor) || (op == BinOp::Sub && self.is_dict(other)?) {
            let other_table = self.argument_table(other)?;
            return self.combine(op, table, &other_table, same);
        }
        let items = self.hashed_items(other)?;
        let cx = self.values();
        let eq = |a: Value, b: Value| key_eq(cx, a, b);
        Ok(match op {
            BinOp::BitOr => {
                let mut table = table;
                let reserve = self.is_dict(other)?.then_some(items.len());
                add_all(&mut table, &items, reserve, cx);
                table
            }
            BinOp::BitAnd => {
                let mut result = SetTable::new();
                for &(v, hash) in &items {
                    if table.contains(hash, &mut |k| eq(k, v)) {
                        result.add(v, hash, &mut |k| eq(k, v));
                    }
                }
                result
            }
            _ => {
                let mut result = SetTable::new();
                result.merge(&table, &mut |a, b| eq(a, b));
                for &(v, hash) in &items {
                    result.discard(hash, &mut |k| eq(k, v));
                }
                result.purge_after_difference();
                result
            }
        })
    }

    /// The methods of `set` and `frozenset`.
    pub(crate) fn set_method(&mut self, receiver: Value, m: Method, args: &[Value]) -> Result<Value, Exception> {
        let h = receiver.handle().expect("a set");
        let arity = |name: &str, min, max| super::calls::arity(name, args, min, max);
        match m {
            Method::Add => {
                arity("set.add", 1, 1)?;
                self.set_add(receiver, args[0])?;
                Ok(Value::NONE)
            }
            Method::Remove | Method::Discard => {
                arity(if m == Method::Remove { "set.remove" } else { "set.discard" }, 1, 1)?;
                let v = args[0];
                let hash = self.item_hash(v)?;
                let cx = self.values();
                let removed = self.shared.heap.write(h, |o| match o {
                    Object::Set(s) => s.table.discard(hash, &mut |k| key_eq(cx, k, v)),
                    _ => false,
                })?;
                if !removed && m == Method::Remove {
                    return Err(self.key_error(v));
                }
                Ok(Value::NONE)
            }
            Method::Pop => {
                arity("set.pop", 0, 0)?;
                let popped = self.shared.heap.write(h, |o| match o {
                    Object::Set(s) => s.table.pop(),
                    _ => None,
                })?;
                popped.ok_or_else(|| Exception::new(ErrorKind::KeyError, "'pop from an empty set'"))
            }
            Method::Clear => {
                arity("set.clear", 0, 0)?;
                self.shared.heap.write(h, |o| {
                    if let Object::Set(s) = o {
                        s.table.clear()
                    }
                })?;
                Ok(Value::NONE)
            }
            Method::Copy => {
                arity("copy", 0, 0)?;
                let (table, frozen) = self.table_of(receiver)?.expect("a set");
                let mut copy = SetTable::new();
                let cx = self.values();
                copy.merge(&table, &mut |a, b| key_eq(cx, a, b));
                self.alloc_set(copy, frozen)
            }
            Method::Update => {
                for &other in args {
                    if self.is_set(other)? {
                        let table = self.argument_table(other)?;
                        self.update_in_place(h, BinOp::BitOr, &table, other == receiver)?;
                    } else {
                        let items = self.hashed_items(other)?;
                        self.charge(items.len() * crate::heap::dict::ENTRY_BYTES)?;
                        let reserve = self.is_dict(other)?.then_some(items.len());
                        let cx = self.values();
                        self.shared.heap.write(h, |o| {
                            if let Object::Set(s) = o {
                                add_all(&mut s.table, &items, reserve, cx)
                            }
                        })?;
                    }
                }
                Ok(Value::NONE)
            }
            Method::DifferenceUpdate => {
                for &other in args {
                    let table = self.argument_table(other)?;
                    self.update_in_place(h, BinOp::Sub, &table, other == receiver)?;
                }
                Ok(Value::NONE)
            }
            Method::IntersectionUpdate => {
                let (mut table, _) = self.table_of(receiver)?.expect("a set");
                for &other in args {
                    table = self.with_argument(BinOp::BitAnd, table, other, other == receiver)?;
                }
                self.charge(table.len() * crate::heap::dict::ENTRY_BYTES)?;
                self.shared.heap.write(h, |o| {
                    if let Object::Set(s) = o {
                        s.table = table
                    }
                })?;
                Ok(Value::NONE)
            }
            Method::SymmetricDifferenceUpdate => {
                arity("symmetric_difference_update", 1, 1)?;
                let table = self.argument_table(args[0])?;
                self.update_in_place(h, BinOp::BitXor, &table, args[0] == receiver)?;
                Ok(Value::NONE)
            }
            Method::Union | Method::Intersection | Method::Difference | Method::SymmetricDifference => {
                let op = match m {
                    Method::Union => BinOp::BitOr,
                    Method::Intersection => BinOp::BitAnd,
                    Method::Difference => BinOp::Sub,
                    _ => {
                        arity("symmetric_difference", 1, 1)?;
                        BinOp::BitXor
                    }
                };
                let (table, frozen) = self.table_of(receiver)?.expect("a set");
                let mut table = if args.is_empty() || op == BinOp::BitOr {
                    let mut copy = SetTable::new();
                    let cx = self.values();
                    copy.merge(&table, &mut |a, b| key_eq(cx, a, b));
                    copy
                } else {
                    table
                };
                for (k, &other) in args.iter().enumerate() {
                    if op == BinOp::Sub && k > 0 {
                        // `difference`'s later arguments are taken out of the result in place.
                        let other_table = self.argument_table(other)?;
                        let cx = self.values();
                        for (v, hash) in other_table.entries() {
                            table.discard(hash, &mut |k| key_eq(cx, k, v));
                        }
                        table.purge_after_difference();
                        continue;
                    }
                    table = self.with_argument(op, table, other, other == receiver)?;
                }
                self.alloc_set(table, frozen)
            }
            Method::Issubset | Method::Issuperset | Method::Isdisjoint => {
                arity(
                    match m {
                        Method::Issubset => "issubset",
                        Method::Issuperset => "issuperset",
                        _ => "isdisjoint",
                    },
                    1,
                    1,
                )?;
                let (mine, _) = self.table_of(receiver)?.expect("a set");
                let other = self.argument_table(args[0])?;
                let cx = self.values();
                Ok(Value::bool(match m {
                    Method::Issubset => self.is_subset(&mine, &other),
                    Method::Issuperset => self.is_subset(&other, &mine),
                    _ => {
                        let (small, large) = if mine.len() <= other.len() { (&mine, &other) } else { (&other, &mine) };
                        !small.entries().any(|(v, hash)| large.contains(hash, &mut |k| key_eq(cx, k, v)))
                    }
                }))
            }
            _ => unreachable!("method_receiver admits only set methods: {m:?}"),
        }
    }
}

/// Adds `items` to `table` in their order, making room for `reserve` first (as CPython does for
/// a dict's keys).
fn add_all(table: &mut SetTable, items: &[(Value, i64)], reserve: Option<usize>, cx: value_ops::Context<'_>) {
    if let Some(n) = reserve {
        table.reserve(n);
    }
    for &(v, hash) in items {
        table.add(v, hash, &mut |k| key_eq(cx, k, v));
    }
}

/// Which methods a set (`frozen`: a frozenset) has.
pub(crate) fn is_set_method(m: Method, frozen: bool) -> bool {
    let shared = matches!(
        m,
        Method::Copy
            | Method::Union
            | Method::Intersection
            | Method::Difference
            | Method::SymmetricDifference
            | Method::Issubset
            | Method::Issuperset
            | Method::Isdisjoint
    );
    shared
        || !frozen
            && matches!(
                m,
                Method::Add
                    | Method::Remove
                    | Method::Discard
                    | Method::Pop
                    | Method::Clear
                    | Method::Update
                    | Method::IntersectionUpdate
                    | Method::DifferenceUpdate
                    | Method::SymmetricDifferenceUpdate
            )
}
