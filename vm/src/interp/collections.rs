//! Creating objects, subscripts, dict keys and membership.

use super::Interp;
use crate::error::{index_error, type_error, ErrorKind, Exception};
use crate::heap::dict::Dict;
use crate::heap::object::hash_int;
use crate::heap::{Handle, Kind, Object, StrObject};
use crate::modules;
use crate::platform::Platform;
use crate::value::{Value, V};
use crate::value_ops;

/// Maps a Python index (negative counts from the end) onto `0..len`.
pub(crate) fn normalize_index(index: i64, len: usize) -> Option<usize> {
    let i = if index < 0 { index + len as i64 } else { index };
    (0..len as i64).contains(&i).then_some(i as usize)
}

impl<P: Platform> Interp<'_, P> {
    pub(crate) fn alloc(&self, object: Object) -> Result<Value, Exception> {
        let (handle, due) = self.shared.heap.alloc_local(&mut self.local_heap.borrow_mut(), object)?;
        if due {
            self.collect_due.set(true);
        }
        Ok(Value::obj(handle))
    }

    /// Accounts for an object growing by `bytes` (see [`crate::heap::Heap::charge`]), from this
    /// thread's credit. Growth alone never starts a collection: a collection cannot shrink a live
    /// container, and marking a huge one at every chunk of its growth would be quadratic.
    pub(crate) fn charge(&self, bytes: usize) -> Result<(), Exception> {
        self.shared.heap.charge_local(&mut self.local_heap.borrow_mut(), bytes)?;
        Ok(())
    }

    pub(crate) fn new_str(&self, text: impl Into<compact_str::CompactString>) -> Result<Value, Exception> {
        self.alloc(Object::Str(StrObject::new(text)))
    }

    pub(crate) fn new_list(&self, items: Vec<Value>) -> Result<Value, Exception> {
        self.alloc(Object::List(items))
    }

    pub(crate) fn new_tuple(&self, items: Vec<Value>) -> Result<Value, Exception> {
        self.alloc(Object::Tuple(items.into_boxed_slice()))
    }

    /// Builds a dict from the `count` key/value pairs on top of the stack, popping them.
    pub(crate) fn build_dict(&mut self, count: usize) -> Result<Value, Exception> {
        let n = self.roots.stack.len();
        let pairs: Vec<Value> = self.roots.stack[n - 2 * count..].to_vec();
        let dict = self.alloc(Object::Dict(Box::new(Dict::new())))?;
        let V::Obj(handle) = dict.unpack() else { unreachable!("alloc returns an object") };
        // Keep the new dict rooted while filling it: replace the pairs with it on the stack.
        self.roots.stack.truncate(n - 2 * count);
        self.roots.stack.push(dict);
        for pair in pairs.chunks(2) {
            self.dict_set(handle, pair[0], pair[1])?;
        }
        self.roots.stack.pop();
        Ok(dict)
    }

    /// The hash of a dict key, or the TypeError Python raises for an unhashable one.
    pub(crate) fn hash_key(&self, key: Value) -> Result<u64, Exception> {
        value_ops::hash_key(self.values(), key)
    }

    pub(crate) fn dict_lookup(&self, dict: Handle, key: Value) -> Result<Option<Value>, Exception> {
        value_ops::dict_lookup(self.values(), dict, key)
    }

    pub(crate) fn dict_set(&self, dict: Handle, key: Value, value: Value) -> Result<(), Exception> {
        // The key is hashed first: an unhashable key is a TypeError, charged nothing.
        value_ops::with_key(self.values(), key, |hash, same| {
            self.charge(crate::heap::dict::ENTRY_BYTES)?;
            self.shared.heap.write(dict, |o| {
                if let Object::Dict(d) = o {
                    d.insert(hash, key, value, same)
                }
            })?;
            Ok(())
        })?
    }

    /// `d.setdefault(key, default)`: the value, added first if missing, in one write of the dict
    /// (atomic, as free-threaded CPython's is under the dict's lock).
    pub(crate) fn dict_setdefault(&self, dict: Handle, key: Value, default: Value) -> Result<Value, Exception> {
        value_ops::with_key(self.values(), key, |hash, same| {
            self.charge(crate::heap::dict::ENTRY_BYTES)?;
            Ok(self.shared.heap.write(dict, |o| match o {
                Object::Dict(d) => match d.get(hash, &mut *same) {
                    Some(v) => v,
                    None => {
                        d.insert(hash, key, default, same);
                        default
                    }
                },
                _ => default,
            })?)
        })?
    }

    /// `d.update(other)`: every entry of a dict, or every `(key, value)` pair of an iterable.
    pub(crate) fn dict_update(&mut self, dict: Handle, other: Value) -> Result<(), Exception> {
        let entries = match other.handle() {
            Some(h) => self.shared.heap.read(h, |o| match o {
                Object::Dict(d) => Some(d.entries().collect::<Vec<_>>()),
                _ => None,
            })?,
            None => None,
        };
        let entries = match entries {
            Some(entries) => entries,
            None => {
                let mut pairs = Vec::new();
                for (i, item) in self.iterate(other)?.into_iter().enumerate() {
                    let pair = self.iterate(item).map_err(|_| {
                        type_error(format!("cannot convert dictionary update sequence element #{i} to a sequence"))
                    })?;
                    let [k, v] = pair[..] else {
                        return Err(crate::error::value_error(format!(
                            "dictionary update sequence element #{i} has length {}; 2 is required",
                            pair.len()
                        )));
                    };
                    pairs.push((k, v));
                }
                pairs
            }
        };
        for (k, v) in entries {
            self.dict_set(dict, k, v)?;
        }
        Ok(())
    }

    /// `DictMerge`: `dict mapping` -> `dict`, the mapping's items set in it (`{**m}`).
    pub(crate) fn dict_merge(&mut self) -> Result<(), Exception> {
        let mapping = self.roots.stack[self.roots.stack.len() - 1];
        let dict = self.roots.stack[self.roots.stack.len() - 2];
        let is_dict = match mapping.handle() {
            Some(h) => self.shared.heap.kind(h)? == Kind::Dict,
            None => false,
        };
        if !is_dict {
            return Err(type_error(format!("'{}' object is not a mapping", self.type_name(mapping)?)));
        }
        if let Some(h) = dict.handle() {
            self.dict_update(h, mapping)?;
        }
        self.roots.stack.pop();
        Ok(())
    }

    pub(crate) fn dict_remove(&self, dict: Handle, key: Value) -> Result<Option<Value>, Exception> {
        let removed = value_ops::with_key(self.values(), key, |hash, same| {
            self.shared.heap.write(dict, |o| match o {
                Object::Dict(d) => d.remove(hash, same),
                _ => None,
            })
        })??;
        Ok(removed)
    }

    pub(crate) fn key_error(&self, key: Value) -> Exception {
        match value_ops::repr_of(self.values(), key) {
            Ok(text) => Exception::new(ErrorKind::KeyError, text),
            Err(e) => e,
        }
    }

    /// `obj[index]`.
    pub(crate) fn get_item(&mut self, obj: Value, index: Value) -> Result<Value, Exception> {
        let V::Obj(h) = obj.unpack() else {
            return Err(type_error(format!("'{}' object is not subscriptable", self.type_name(obj)?)));
        };
        enum Found {
            Value(Value),
            Char(char),
            Missing,
            OutOfRange(&'static str),
            BadIndex(&'static str),
            NotSubscriptable(&'static str),
        }
        let int_index = match index.unpack() {
            V::Int(i) => Some(i),
            V::Bool(b) => Some(b as i64),
            _ => None,
        };
        // A dict read with any other key (a str, a tuple) looks it up at once: one read of the
        // dict, not one to learn that it is a dict and another to look. (The kind is read from
        // the slot's tag, without a lock; the read below sees a dict only with an int key.)
        if int_index.is_none() && self.shared.heap.kind(h)? == Kind::Dict {
            return self.dict_lookup(h, index)?.ok_or_else(|| self.key_error(index));
        }
        if int_index.is_none() {
            if let Some(parts) = self.slice_parts(index)? {
                if let Some(v) = self.get_slice(h, parts)? {
                    return Ok(v);
                }
            }
        }
        // An int (or bool) key is hashed without the heap and equals no heap object, so a dict
        // read with one takes the dict's lock once: one write of its lock word fewer for threads
        // that share the dict.
        let found = self.shared.heap.read_leaf(h, self.reader(), |o| match (o, int_index) {
            (Object::Dict(d), Some(i)) => {
                let hash = hash_int(i);
                let same = |k: Value| match k.unpack() {
                    V::Int(x) => x == i,
                    V::Bool(b) => b as i64 == i,
                    _ => false,
                };
                d.get(hash, same).map_or(Found::Missing, Found::Value)
            }
            (Object::List(items), Some(i)) => normalize_index(i, items.len())
                .map_or(Found::OutOfRange("list index out of range"), |i| Found::Value(items[i])),
            (Object::Tuple(items), Some(i)) => normalize_index(i, items.len())
                .map_or(Found::OutOfRange("tuple index out of range"), |i| Found::Value(items[i])),
            (Object::Str(s), Some(i)) => {
                let len = s.text.chars().count();
                normalize_index(i, len).map_or(Found::OutOfRange("string index out of range"), |i| {
                    Found::Char(s.text.chars().nth(i).expect("index is in range"))
                })
            }
            (Object::Range { start, stop, step }, Some(i)) => {
                normalize_index(i, super::ops::range_len(*start, *stop, *step))
                    .map_or(Found::OutOfRange("range object index out of range"), |i| {
                        Found::Value(Value::int(start + step * i as i64))
                    })
            }
            (Object::List(_) | Object::Tuple(_) | Object::Str(_) | Object::Range { .. }, None) => {
                Found::BadIndex(o.type_name())
            }
            _ => Found::NotSubscriptable(o.type_name()),
        })?;
        match found {
            Found::Value(v) => Ok(v),
            Found::Char(c) => self.char_str(c),
            Found::Missing => Err(self.key_error(index)),
            Found::OutOfRange(message) => Err(index_error(message)),
            Found::BadIndex(_) if self.is_big_int(index) => Err(self.index_overflow()),
            Found::BadIndex(name) => {
                let what = if name == "str" { "string" } else { name };
                Err(type_error(format!("{what} indices must be integers or slices, not {}", self.type_name(index)?)))
            }
            // An object of a class the program made, with `__getitem__` (off the path of the
            // built-in containers).
            Found::NotSubscriptable(_) if self.is_instance_object(obj) => {
                match self.call_special(obj, "__getitem__", &[index])? {
                    Some(v) => Ok(v),
                    None => Err(type_error(format!("'{}' object is not subscriptable", self.type_name(obj)?))),
                }
            }
            Found::NotSubscriptable(name) => Err(type_error(format!("'{name}' object is not subscriptable"))),
        }
    }

    /// A one-character string; ASCII ones come from a preallocated table.
    pub(crate) fn char_str(&self, c: char) -> Result<Value, Exception> {
        let mut buffer = [0u8; 4];
        self.new_str(&*c.encode_utf8(&mut buffer))
    }

    /// `obj[index] = value`.
    /// `del obj[index]`: a dict's key, a list's item, or an instance's `__delitem__`.
    pub(crate) fn del_item(&mut self, obj: Value, index: Value) -> Result<(), Exception> {
        let V::Obj(h) = obj.unpack() else {
            return Err(type_error(format!("'{}' object doesn't support item deletion", self.type_name(obj)?)));
        };
        match self.shared.heap.kind(h)? {
            Kind::Dict => match self.dict_remove(h, index)? {
                Some(_) => Ok(()),
                None => Err(self.key_error(index)),
            },
            Kind::List => {
                let i = match index.unpack() {
                    V::Int(i) => i,
                    V::Bool(b) => b as i64,
                    _ => {
                        if let Some(parts) = self.slice_parts(index)? {
                            return self.del_slice(h, parts);
                        }
                        if self.is_big_int(index) {
                            return Err(self.index_overflow());
                        }
                        return Err(type_error(format!(
                            "list indices must be integers or slices, not {}",
                            self.type_name(index)?
                        )));
                    }
                };
                let removed = self.shared.heap.write(h, |o| match o {
                    Object::List(items) => normalize_index(i, items.len()).map(|at| items.remove(at)).is_some(),
                    _ => false,
                })?;
                if removed {
                    Ok(())
                } else {
                    Err(crate::error::index_error("list assignment index out of range"))
                }
            }
            Kind::Instance | Kind::Local => match self.call_special(obj, "__delitem__", &[index])? {
                Some(_) => Ok(()),
                None => Err(type_error(format!("'{}' object doesn't support item deletion", self.type_name(obj)?))),
            },
            // CPython's message differs for a slice (its sequence path says "doesn't").
            _ if self.slice_parts(index)?.is_some() => {
                Err(type_error(format!("'{}' object does not support item deletion", self.type_name(obj)?)))
            }
            _ => Err(type_error(format!("'{}' object doesn't support item deletion", self.type_name(obj)?))),
        }
    }

    pub(crate) fn set_item(&mut self, obj: Value, index: Value, value: Value) -> Result<(), Exception> {
        let V::Obj(h) = obj.unpack() else {
            return Err(type_error(format!("'{}' object does not support item assignment", self.type_name(obj)?)));
        };
        let int_index = match index.unpack() {
            V::Int(i) => Some(i),
            V::Bool(b) => Some(b as i64),
            _ => None,
        };
        // A dict is written once, by `dict_set` (the kind is read from the slot's tag, without a
        // lock), not once to learn that it is a dict and again to set the item. The write below
        // sees no dict.
        match self.shared.heap.kind(h)? {
            Kind::Dict => return self.dict_set(h, index, value),
            Kind::List if int_index.is_none() => {
                if let Some(parts) = self.slice_parts(index)? {
                    return self.set_slice(h, parts, value);
                }
            }
            _ => {}
        }
        enum Outcome {
            Done(usize),
            OutOfRange,
            BadIndex,
            Immutable(&'static str),
        }
        // Recorded by what it did: storing into a list's item reads only the length, which no
        // store changes, so two stores of one value to one item commute (`Access::store`);
        // anything else is a write of the object.
        let outcome = crate::step::unrecorded(|| {
            self.shared.heap.write(h, |o| match (o, int_index) {
                (Object::List(items), Some(i)) => match normalize_index(i, items.len()) {
                    Some(i) => {
                        items[i] = value;
                        Outcome::Done(i)
                    }
                    None => Outcome::OutOfRange,
                },
                (Object::List(_), None) => Outcome::BadIndex,
                (o, _) => Outcome::Immutable(o.type_name()),
            })
        });
        let access = match outcome {
            Ok(Outcome::Done(i)) => crate::step::Access::store(i, value),
            _ => crate::step::Access::Write,
        };
        crate::step::record(crate::step::Resource::Object(h.number()), access);
        match outcome? {
            Outcome::Done(_) => Ok(()),
            Outcome::OutOfRange => Err(index_error("list assignment index out of range")),
            Outcome::BadIndex if self.is_big_int(index) => Err(self.index_overflow()),
            Outcome::BadIndex => {
                Err(type_error(format!("list indices must be integers or slices, not {}", self.type_name(index)?)))
            }
            Outcome::Immutable(_) if self.is_instance_object(obj) => {
                match self.call_special(obj, "__setitem__", &[index, value])? {
                    Some(_) => Ok(()),
                    None => {
                        Err(type_error(format!("'{}' object does not support item assignment", self.type_name(obj)?)))
                    }
                }
            }
            Outcome::Immutable(name) => Err(type_error(format!("'{name}' object does not support item assignment"))),
        }
    }

    /// `item in container` for an object of a class the program made: its `__contains__`, or a
    /// search of what iterating it gives, as Python does.
    #[cold]
    fn instance_contains(&mut self, container: Value, item: Value) -> Result<bool, Exception> {
        if let Some(r) = self.call_special(container, "__contains__", &[item])? {
            return self.truthy(r);
        }
        // No `__contains__`: look through what iterating it gives, as Python does.
        let it = self.get_iter(container)?;
        self.roots.stack.push(it);
        let found = loop {
            match self.next_item(it) {
                Ok(Some(v)) => match self.equal_full(v, item) {
                    Ok(true) => break Ok(true),
                    Ok(false) => {}
                    Err(e) => break Err(e),
                },
                Ok(None) => break Ok(false),
                Err(e) => break Err(e),
            }
        };
        self.roots.stack.pop();
        found
    }

    /// `item in container`.
    pub(crate) fn contains(&mut self, container: Value, item: Value) -> Result<bool, Exception> {
        let V::Obj(h) = container.unpack() else {
            return Err(type_error(format!("argument of type '{}' is not iterable", self.type_name(container)?)));
        };
        enum Kind {
            Items(Vec<Value>),
            Str(String),
            Dict(Handle),
            Range(i64, i64, i64),
            View,
            Set,
            NotIterable(&'static str),
        }
        let kind = self.shared.heap.read(h, |o| match o {
            Object::List(items) => Kind::Items(items.clone()),
            Object::Tuple(items) => Kind::Items(items.to_vec()),
            Object::Str(s) => Kind::Str(s.text.to_string()),
            Object::Dict(_) => Kind::Dict(h),
            Object::Set(_) => Kind::Set,
            Object::View { dict, kind: crate::heap::ViewKind::Keys } => Kind::Dict(*dict),
            Object::Range { start, stop, step } => Kind::Range(*start, *stop, *step),
            Object::View { .. } => Kind::View,
            _ => Kind::NotIterable(o.type_name()),
        })?;
        match kind {
            Kind::Set => self.set_contains(h, item),
            Kind::Items(items) => Ok(self.position(items, item)?.is_some()),
            Kind::Str(text) => match item.unpack() {
                V::Obj(i) => match self.shared.heap.read(i, |o| match o {
                    Object::Str(s) => Some(text.contains(&*s.text)),
                    _ => None,
                })? {
                    Some(found) => Ok(found),
                    None => Err(type_error(format!(
                        "'in <string>' requires string as left operand, not {}",
                        self.type_name(item)?
                    ))),
                },
                _ => Err(type_error(format!(
                    "'in <string>' requires string as left operand, not {}",
                    self.type_name(item)?
                ))),
            },
            Kind::Dict(d) => Ok(self.dict_lookup(d, item)?.is_some()),
            Kind::Range(start, stop, step) => Ok(match i_of(item) {
                Some(i) => {
                    let n = super::ops::range_len(start, stop, step) as i128;
                    let offset = i as i128 - start as i128;
                    offset % step as i128 == 0 && (0..n).contains(&(offset / step as i128))
                }
                None => false,
            }),
            Kind::View => {
                let items = self.iterate(container)?;
                Ok(self.position(items, item)?.is_some())
            }
            Kind::NotIterable(_) if self.is_instance_object(container) => self.instance_contains(container, item),
            Kind::NotIterable(name) => Err(type_error(format!("argument of type '{name}' is not iterable"))),
        }
    }

    /// `obj.name` for a module; other objects only have methods, which are called, not read.
    /// Where the first item equal to `item` is among `items` (copied out of a sequence). An
    /// `__eq__` of a class the program made may run, and a collection with it: the items are kept
    /// on the stack meanwhile.
    pub(crate) fn position(&mut self, items: Vec<Value>, item: Value) -> Result<Option<usize>, Exception> {
        let objects = item.handle().is_some_and(|h| self.shared.heap.kind(h).ok() != Some(Kind::Str));
        if !objects {
            for (i, &x) in items.iter().enumerate() {
                if self.equal(x, item)? {
                    return Ok(Some(i));
                }
            }
            return Ok(None);
        }
        let base = self.roots.stack.len();
        self.roots.stack.extend_from_slice(&items);
        let mut found = Ok(None);
        for i in 0..items.len() {
            match self.equal_full(self.roots.stack[base + i], item) {
                Ok(true) => {
                    found = Ok(Some(i));
                    break;
                }
                Ok(false) => {}
                Err(e) => {
                    found = Err(e);
                    break;
                }
            }
        }
        self.roots.stack.truncate(base);
        found
    }

    pub(crate) fn get_attr(&mut self, obj: Value, name: &str) -> Result<Value, Exception> {
        if let V::Module(m) = obj.unpack() {
            if let Some(library) = modules::library(m) {
                return self.library_attribute(library, name);
            }
            return modules::attribute(m, name).ok_or_else(|| {
                Exception::new(
                    ErrorKind::AttributeError,
                    format!("module '{}' has no attribute '{name}'", modules::name(m)),
                )
            });
        }
        if let Some(v) = self.class_attr_value(obj, name)? {
            return Ok(v);
        }
        // `str.upper`: a built-in type's method, taken from the type.
        if let V::Builtin(id) = obj.unpack() {
            if let Some(t) = Self::type_method(crate::builtins::Builtin::from_id(id), name) {
                return Ok(Value::builtin(crate::builtins::Builtin::TypeMethod(t).id()));
            }
        }
        if name == "__name__" || name == "__qualname__" {
            let renamed = match obj.handle() {
                Some(h) => self.shared.heap.read_fixed(h, |o| match o {
                    Object::Function(f) => f.names.as_deref().copied(),
                    _ => None,
                })?,
                None => None,
            };
            if let Some((plain, qualified)) = renamed {
                return self.new_str(if name == "__name__" { plain } else { qualified });
            }
            let text = match obj.unpack() {
                V::Builtin(b) => Some(crate::builtins::Builtin::from_id(b).name().to_string()),
                _ => match self.function_parts(obj)? {
                    Some((f, _)) => {
                        let code = self.shared.program.code(f);
                        Some(if name == "__name__" { code.name.clone() } else { code.qualname.clone() })
                    }
                    None => None,
                },
            };
            if let Some(text) = text {
                return self.new_str(text);
            }
        }
        if let Some(h) = obj.handle() {
            let kind = self.shared.heap.kind(h)?;
            if kind == Kind::Slice && matches!(name, "start" | "stop" | "step") {
                let (start, stop, step) = self.slice_parts(obj)?.expect("a slice");
                return Ok(match name {
                    "start" => start,
                    "stop" => stop,
                    _ => step,
                });
            }
            if kind == Kind::Property && name == "setter" {
                let setter = Value::builtin(crate::builtins::Builtin::PropertySetter.id());
                let method = crate::heap::BoundMethodObject { receiver: obj, func: setter };
                return self.alloc(Object::BoundMethod(Box::new(method)));
            }
            if matches!(kind, Kind::Class | Kind::Super | Kind::Instance | Kind::Local) {
                return Err(self.no_such_attribute(obj, name)?);
            }
        }
        if let Some(class) = super::classes::builtin_class(obj) {
            let class = class.name();
            return Err(Exception::new(
                ErrorKind::AttributeError,
                format!("type object '{class}' has no attribute '{name}'"),
            ));
        }
        let type_name = self.type_name(obj)?;
        let is_method = crate::builtins::Method::lookup(name).is_some_and(|m| self.has_method(obj, m));
        if !is_method {
            return Err(Exception::new(
                ErrorKind::AttributeError,
                format!("'{type_name}' object has no attribute '{name}'"),
            ));
        }
        // `lst.append` as a value: the type's method bound to the object (`map(out.append, xs)`).
        let class = crate::builtins::METHOD_CLASSES.iter().find(|c| c.name() == type_name);
        match class.and_then(|&class| Self::type_method(class, name)) {
            Some(t) => {
                let func = Value::builtin(crate::builtins::Builtin::TypeMethod(t).id());
                let method = crate::heap::BoundMethodObject { receiver: obj, func };
                self.alloc(Object::BoundMethod(Box::new(method)))
            }
            None => Err(type_error(format!("emlab does not support bound methods of '{type_name}' objects: call '{type_name}.{name}(...)' directly"))),
        }
    }
}

fn i_of(v: Value) -> Option<i64> {
    match v.unpack() {
        V::Int(i) => Some(i),
        V::Bool(b) => Some(b as i64),
        _ => None,
    }
}
