//! Methods of built-in types: `lst.append(x)`, `d.get(k)`, `lock.acquire()`, and module functions.

use super::calls::arity;
use super::collections::normalize_index;
use super::Interp;
use crate::builtins::{Builtin, Method, TypeMethod};
use crate::error::{type_error, value_error, ErrorKind, Exception};
use crate::heap::{Kind, Object, ViewKind};
use crate::platform::Platform;
use crate::value::{Value, V};

impl<P: Platform> Interp<'_, P> {
    /// Whether `v`'s type has method `m` (for error messages).
    pub(crate) fn has_method(&self, v: Value, m: Method) -> bool {
        self.method_receiver(v, m).is_some()
    }

    /// Whether `receiver.name(...)` calls the attribute as a value: a module's function, or a
    /// built-in type's method taken from the type (`str.upper(s)`).
    fn called_as_value(&self, receiver: Value, name: u32) -> bool {
        match receiver.unpack() {
            V::Module(_) => true,
            V::Builtin(id) => {
                Self::type_method(Builtin::from_id(id), &self.shared.program.names[name as usize]).is_some()
            }
            _ => false,
        }
    }

    /// If `v`'s type has method `m`, whether `v` is a dict (where `pop` takes a key); read once.
    fn method_receiver(&self, v: Value, m: Method) -> Option<bool> {
        let V::Obj(h) = v.unpack() else { return None };
        // Which methods an object has depends only on its type, which never changes.
        Self::kind_method(self.shared.heap.kind(h).ok()?, m)
    }

    /// `str.upper` and the other methods of a built-in type taken from the type, if it has one
    /// of that name.
    pub(crate) fn type_method(class: Builtin, name: &str) -> Option<TypeMethod> {
        let kind = match class {
            Builtin::Str => Kind::Str,
            Builtin::List => Kind::List,
            Builtin::Tuple => Kind::Tuple,
            Builtin::Dict => Kind::Dict,
            Builtin::Set => Kind::Set,
            _ => return None,
        };
        let t = TypeMethod::new(class, name)?;
        Self::kind_method(kind, t.method()).map(|_| t)
    }

    /// `str.upper(s, ...)`: the method called on its first argument, which must be of its type
    /// (CPython's "descriptor ... doesn't apply" otherwise).
    pub(crate) fn call_type_method(
        &mut self,
        t: TypeMethod,
        args: &[Value],
        keywords: &[(String, Value)],
    ) -> Result<Value, Exception> {
        let (class, name) = (t.class().name(), t.name());
        let Some((&receiver, rest)) = args.split_first() else {
            return Err(type_error(format!("unbound method {class}.{name}() needs an argument")));
        };
        let type_name = self.type_name(receiver)?;
        let is_dict = match self.method_receiver(receiver, t.method()) {
            Some(is_dict) if type_name == class => is_dict,
            _ => {
                return Err(type_error(format!(
                    "descriptor '{name}' for '{class}' objects doesn't apply to a '{type_name}' object"
                )))
            }
        };
        self.core_step();
        if t.class() == Builtin::Str {
            let text = self.str_text(receiver)?.unwrap_or_default();
            return self.str_method(&text, t.method(), name, rest, keywords);
        }
        if !keywords.is_empty() {
            return Err(type_error(format!("{class}.{name}() takes no keyword arguments")));
        }
        self.call_builtin_method(receiver, t.method(), is_dict, name, rest)
    }

    /// If a value of `kind` has method `m`, whether it is a dict.
    fn kind_method(kind: Kind, m: Method) -> Option<bool> {
        match kind {
            Kind::List => matches!(
                m,
                Method::Append
                    | Method::Pop
                    | Method::Insert
                    | Method::Extend
                    | Method::Index
                    | Method::Sort
                    | Method::Reverse
                    | Method::Count
                    | Method::Remove
                    | Method::Copy
                    | Method::Clear
            )
            .then_some(false),
            Kind::Tuple => matches!(m, Method::Index | Method::Count).then_some(false),
            Kind::Dict => matches!(
                m,
                Method::Get
                    | Method::Keys
                    | Method::Values
                    | Method::Items
                    | Method::Pop
                    | Method::Copy
                    | Method::Clear
                    | Method::Setdefault
                    | Method::Update
                    | Method::Popitem
            )
            .then_some(true),
            Kind::Lock => matches!(m, Method::Acquire | Method::Release | Method::Locked).then_some(false),
            Kind::Generator => matches!(m, Method::Send | Method::Throw | Method::Close).then_some(false),
            Kind::Set => super::sets::is_set_method(m, false).then_some(false),
            Kind::FrozenSet => super::sets::is_set_method(m, true).then_some(false),
            Kind::Str => Self::is_str_method(m).then_some(false),
            _ => None,
        }
    }

    /// Raises AttributeError unless `receiver.name` is a method (or a module's function).
    pub(crate) fn check_method(&mut self, receiver: Value, name: u32) -> Result<(), Exception> {
        let method_name = &self.shared.program.names[name as usize];
        if self.called_as_value(receiver, name) {
            return self.get_attr(receiver, method_name).map(|_| ());
        }
        if self.has_class_attributes(receiver) {
            // Looked up (and, for a property, run) when the call comes: only whether it exists now.
            return match self.class_attribute_exists(receiver, method_name)? {
                true => Ok(()),
                false => Err(self.no_such_attribute(receiver, method_name)?),
            };
        }
        match self.shared.methods[name as usize] {
            Some(m) if self.has_method(receiver, m) => Ok(()),
            _ => Err(self.no_attribute(receiver, method_name)?),
        }
    }

    /// The AttributeError for a missing method.
    fn no_attribute(&self, receiver: Value, method_name: &str) -> Result<Exception, Exception> {
        let type_name = self.type_name(receiver)?;
        Ok(Exception::new(ErrorKind::AttributeError, format!("'{type_name}' object has no attribute '{method_name}'")))
    }

    /// `receiver.name(args...)` with the receiver and `argc` arguments on the stack; pops them.
    /// Returns `None` when it pushed a frame (a method of a class the program made).
    pub(crate) fn call_method(&mut self, name: u32, argc: u32) -> Result<Option<Value>, Exception> {
        let n = self.roots.stack.len();
        let receiver_at = n - argc as usize - 1;
        let receiver = self.roots.stack[receiver_at];
        if self.called_as_value(receiver, name) {
            // A module's function, or (a library module's) any callable, or a built-in type's
            // method (`str.upper(s)`): called as a value.
            let callee = self.get_attr(receiver, &self.shared.program.names[name as usize])?;
            self.roots.stack[receiver_at] = callee;
            return self.call_value(argc);
        }
        // A built-in type's method first (the common case: `lst.append(x)`, `d.get(k)`); the
        // types of the program's classes have none of those.
        let builtin = matches!(receiver.unpack(), V::Module(_))
            || self.shared.methods[name as usize].is_some_and(|m| self.method_receiver(receiver, m).is_some());
        if !builtin && self.has_class_attributes(receiver) {
            return self.call_class_method(name, receiver_at, &[]);
        }
        self.call_builtin_type_method(name, argc).map(Some)
    }

    /// Whether `v` is an object whose attributes a class the program made (or `super()`)
    /// decides: an instance, an exception, a class, a `super()`.
    fn has_class_attributes(&self, v: Value) -> bool {
        match v.unpack() {
            V::Obj(h) => {
                matches!(
                    self.shared.heap.kind(h),
                    Ok(Kind::Instance | Kind::Local | Kind::Class | Kind::Super | Kind::Exception)
                )
            }
            _ => false,
        }
    }

    /// `receiver.name(...)` on an instance, exception, class or `super()`, with the arguments above
    /// `receiver_at`, the last `names.len()` of them keyword arguments.
    fn call_class_method(
        &mut self,
        name: u32,
        receiver_at: usize,
        names: &[String],
    ) -> Result<Option<Value>, Exception> {
        self.core_step();
        let receiver = self.roots.stack[receiver_at];
        let method_name = &self.shared.program.names[name as usize];
        match self.lookup_attr(receiver, method_name)? {
            Some(callee) => {
                self.place_callee(receiver_at, callee);
                self.call_with_keywords(receiver_at, names)
            }
            None => Err(self.no_such_attribute(receiver, method_name)?),
        }
    }

    /// `receiver.name(args...)` on a value of a built-in type or a module.
    fn call_builtin_type_method(&mut self, name: u32, argc: u32) -> Result<Value, Exception> {
        let n = self.roots.stack.len();
        let receiver_at = n - argc as usize - 1;
        let receiver = self.roots.stack[receiver_at];
        let method_name = &self.shared.program.names[name as usize];
        let result = if let V::Module(_) = receiver.unpack() {
            let callee = self.get_attr(receiver, method_name)?;
            self.roots.stack[receiver_at] = callee;
            match self.call_value(argc)? {
                Some(v) => return Ok(v),
                None => unreachable!("module attributes are builtins or native functions"),
            }
        } else {
            self.core_step();
            // `d.get(k)` and `d.get(k, default)`, the counting idiom, go straight to the lookup.
            if let (Some(Method::Get), 1 | 2, V::Obj(h)) = (self.shared.methods[name as usize], argc, receiver.unpack())
            {
                if self.shared.heap.kind(h)? == Kind::Dict {
                    let key = self.roots.stack[receiver_at + 1];
                    let default = if argc == 2 { self.roots.stack[receiver_at + 2] } else { Value::NONE };
                    let found = self.dict_lookup(h, key)?.unwrap_or(default);
                    self.roots.stack.truncate(receiver_at);
                    return Ok(found);
                }
            }
            let args = super::calls::Args::copy(&self.roots.stack[receiver_at + 1..]);
            match self.shared.methods[name as usize] {
                Some(m) => match self.method_receiver(receiver, m) {
                    Some(is_dict) => self.call_builtin_method(receiver, m, is_dict, method_name, &args)?,
                    None => return Err(self.no_attribute(receiver, method_name)?),
                },
                None => return Err(self.no_attribute(receiver, method_name)?),
            }
        };
        self.roots.stack.truncate(receiver_at);
        Ok(result)
    }

    /// `obj.name(args..., keywords...)` with the receiver at `receiver_at`, the arguments above
    /// it and one value per name in `names` last: a module's function gets them; the methods of
    /// built-in types take none. Returns `None` when it pushed a frame.
    pub(crate) fn call_method_keywords(
        &mut self,
        name: u32,
        receiver_at: usize,
        names: &[String],
    ) -> Result<Option<Value>, Exception> {
        let receiver = self.roots.stack[receiver_at];
        if self.called_as_value(receiver, name) {
            let callee = self.get_attr(receiver, &self.shared.program.names[name as usize])?;
            self.roots.stack[receiver_at] = callee;
            return self.call_with_keywords(receiver_at, names);
        }
        if self.has_class_attributes(receiver) {
            return self.call_class_method(name, receiver_at, names);
        }
        let argc = (self.roots.stack.len() - receiver_at - 1) as u32;
        if names.is_empty() {
            return self.call_method(name, argc);
        }
        self.check_method(receiver, name)?;
        if let (Some(Method::Acquire), Some(h)) = (self.shared.methods[name as usize], receiver.handle()) {
            if self.shared.heap.kind(h)? == Kind::Lock {
                // `lock.acquire(blocking=..., timeout=...)`.
                let values: Vec<Value> = self.roots.stack[receiver_at + 1..].to_vec();
                let (args, values) = values.split_at(values.len() - names.len());
                let keywords: Vec<(String, Value)> = names.iter().cloned().zip(values.iter().copied()).collect();
                let result = self.acquire_lock_call(h, args, &keywords)?;
                self.roots.stack.truncate(receiver_at);
                return Ok(Some(result));
            }
        }
        if let (Some(text), Some(m)) = (self.str_text(receiver)?, self.shared.methods[name as usize]) {
            // `str.format(**kw)` and `str.split(sep=...)` take keywords.
            let values: Vec<Value> = self.roots.stack[receiver_at + 1..].to_vec();
            let (args, values) = values.split_at(values.len() - names.len());
            let keywords: Vec<(String, Value)> = names.iter().cloned().zip(values.iter().copied()).collect();
            let method_name = self.shared.program.names[name as usize].clone();
            let result = self.str_method(&text, m, &method_name, args, &keywords)?;
            self.roots.stack.truncate(receiver_at);
            return Ok(Some(result));
        }
        if self.shared.methods[name as usize] == Some(Method::Sort) {
            // `lst.sort(key=..., reverse=...)`: keywords only.
            let given = self.roots.stack.len() - receiver_at - 1 - names.len();
            if given > 0 {
                return Err(type_error("sort() takes no positional arguments"));
            }
            let values: Vec<Value> = self.roots.stack[receiver_at + 1..].to_vec();
            let keywords: Vec<(&str, Value)> = names.iter().map(String::as_str).zip(values).collect();
            let (key, reverse) = self.sort_keywords("sort", &keywords)?;
            self.sort_list(receiver, key, reverse)?;
            self.roots.stack.truncate(receiver_at);
            return Ok(Some(Value::NONE));
        }
        Err(type_error(format!(
            "{}.{}() takes no keyword arguments",
            self.type_name(receiver)?,
            self.shared.program.names[name as usize]
        )))
    }

    /// `lst.sort(key=key, reverse=reverse)`: sorts the list's items as they are now and puts them
    /// back.
    fn sort_list(&mut self, list: Value, key: Value, reverse: bool) -> Result<(), Exception> {
        let Some(h) = list.handle() else { return Ok(()) };
        let items =
            self.shared.heap.read(h, |o| if let Object::List(items) = o { items.clone() } else { Vec::new() })?;
        let sorted = self.sort_values(items, key, reverse)?;
        self.shared.heap.write(h, |o| {
            if let Object::List(items) = o {
                *items = sorted;
            }
        })?;
        Ok(())
    }

    fn call_builtin_method(
        &mut self,
        receiver: Value,
        m: Method,
        is_dict: bool,
        name: &str,
        args: &[Value],
    ) -> Result<Value, Exception> {
        let V::Obj(h) = receiver.unpack() else { unreachable!("method_receiver only accepts objects") };
        match self.shared.heap.kind(h)? {
            Kind::Str => {
                let text = self.str_text(receiver)?.unwrap_or_default();
                return self.str_method(&text, m, name, args, &[]);
            }
            Kind::Generator => return self.generator_method(receiver, name, args),
            Kind::Set | Kind::FrozenSet => return self.set_method(receiver, m, args),
            _ => {}
        }
        let heap = &self.shared.heap;
        match (m, is_dict) {
            (Method::Sort, _) => {
                if !args.is_empty() {
                    return Err(type_error("sort() takes no positional arguments"));
                }
                self.sort_list(receiver, Value::NONE, false)?;
                Ok(Value::NONE)
            }
            (Method::Reverse, _) => {
                arity(name, args, 0, 0)?;
                heap.write(h, |o| {
                    if let Object::List(items) = o {
                        items.reverse();
                    }
                })?;
                Ok(Value::NONE)
            }
            (Method::Append, _) => {
                arity(name, args, 1, 1)?;
                self.charge(super::ops::ITEM)?;
                if self.shared.config.bugs.has(crate::mode::Bug::ListAppendUnlocked) {
                    // Seeded bug: read the length, then write that slot, as two separate steps.
                    let len = heap.read(h, |o| if let Object::List(items) = o { items.len() } else { 0 })?;
                    P::switch_point();
                    heap.write(h, |o| {
                        if let Object::List(items) = o {
                            match items.get_mut(len) {
                                Some(slot) => *slot = args[0],
                                None => items.push(args[0]),
                            }
                        }
                    })?;
                    return Ok(Value::NONE);
                }
                heap.write(h, |o| match o {
                    Object::List(items) => grow(items, 1).map(|()| items.push(args[0])),
                    _ => Ok(()),
                })??;
                Ok(Value::NONE)
            }
            (Method::Pop, false) => {
                arity("pop", args, 0, 1)?;
                let index = match args.first().map(|&v| (v, v.unpack())) {
                    None => -1,
                    Some((_, V::Int(i))) => i,
                    Some((_, V::Bool(b))) => b as i64,
                    Some((v, _)) => {
                        return Err(type_error(format!(
                            "'{}' object cannot be interpreted as an integer",
                            self.type_name(v)?
                        )))
                    }
                };
                let popped = heap.write(h, |o| match o {
                    Object::List(items) if items.is_empty() => Err("pop from empty list"),
                    Object::List(items) => match normalize_index(index, items.len()) {
                        Some(i) => Ok(items.remove(i)),
                        None => Err("pop index out of range"),
                    },
                    _ => Err("pop from empty list"),
                })?;
                popped.map_err(crate::error::index_error)
            }
            (Method::Insert, _) => {
                arity("insert", args, 2, 2)?;
                self.charge(super::ops::ITEM)?;
                let V::Int(index) = args[0].unpack() else {
                    return Err(type_error(format!(
                        "'{}' object cannot be interpreted as an integer",
                        self.type_name(args[0])?
                    )));
                };
                heap.write(h, |o| match o {
                    Object::List(items) => grow(items, 1).map(|()| {
                        let len = items.len() as i64;
                        let at = if index < 0 { (index + len).max(0) } else { index.min(len) };
                        items.insert(at as usize, args[1]);
                    }),
                    _ => Ok(()),
                })??;
                Ok(Value::NONE)
            }
            (Method::Extend, _) => {
                arity("extend", args, 1, 1)?;
                let items = self.iterate(args[0])?;
                self.charge(items.len() * super::ops::ITEM)?;
                heap.write(h, |o| match o {
                    Object::List(list) => grow(list, items.len()).map(|()| list.extend(items)),
                    _ => Ok(()),
                })??;
                Ok(Value::NONE)
            }
            (Method::Index, _) => {
                arity("index", args, 1, 1)?;
                let (items, type_name) = heap.read(h, |o| match o {
                    Object::List(items) => (items.clone(), "list"),
                    Object::Tuple(items) => (items.to_vec(), "tuple"),
                    _ => (Vec::new(), "list"),
                })?;
                if let Some(i) = self.position(items, args[0])? {
                    return Ok(Value::int(i as i64));
                }
                Err(value_error(if type_name == "list" {
                    format!("{} is not in list", self.repr_of(args[0])?)
                } else {
                    "tuple.index(x): x not in tuple".to_string()
                }))
            }
            (Method::Count, false) => {
                arity("count", args, 1, 1)?;
                let items = heap.read(h, |o| match o {
                    Object::List(items) => items.clone(),
                    Object::Tuple(items) => items.to_vec(),
                    _ => Vec::new(),
                })?;
                let base = self.roots.stack.len();
                self.roots.stack.extend_from_slice(&items);
                let mut count = 0;
                let mut found = Ok(());
                for &x in &items {
                    match self.equal(x, args[0]) {
                        Ok(true) => count += 1,
                        Ok(false) => {}
                        Err(e) => {
                            found = Err(e);
                            break;
                        }
                    }
                }
                self.roots.stack.truncate(base);
                found.map(|()| Value::int(count))
            }
            (Method::Remove, _) => {
                arity("remove", args, 1, 1)?;
                let items = heap.read(h, |o| if let Object::List(items) = o { items.clone() } else { Vec::new() })?;
                let Some(at) = self.position(items.clone(), args[0])? else {
                    return Err(value_error("list.remove(x): x not in list"));
                };
                // Removed where it was found, or (the list changed meanwhile) where it is now.
                let found = items[at];
                heap.write(h, |o| {
                    if let Object::List(items) = o {
                        if items.get(at) == Some(&found) {
                            items.remove(at);
                        } else if let Some(now) = items.iter().position(|&v| v == found) {
                            items.remove(now);
                        }
                    }
                })?;
                Ok(Value::NONE)
            }
            (Method::Copy, is_dict) => {
                arity("copy", args, 0, 0)?;
                if is_dict {
                    let copy =
                        heap.read(h, |o| if let Object::Dict(d) = o { (**d).clone() } else { Default::default() })?;
                    self.charge(copy.len() * crate::heap::dict::ENTRY_BYTES)?;
                    return self.alloc(Object::Dict(Box::new(copy)));
                }
                let items = heap.read(h, |o| if let Object::List(items) = o { items.clone() } else { Vec::new() })?;
                self.new_list(items)
            }
            (Method::Clear, _) => {
                arity("clear", args, 0, 0)?;
                heap.write(h, |o| match o {
                    Object::List(items) => items.clear(),
                    Object::Dict(d) => **d = Default::default(),
                    _ => {}
                })?;
                Ok(Value::NONE)
            }
            (Method::Setdefault, _) => {
                arity("setdefault", args, 1, 2)?;
                let default = args.get(1).copied().unwrap_or(Value::NONE);
                self.dict_setdefault(h, args[0], default)
            }
            (Method::Update, _) => {
                arity("update", args, 0, 1)?;
                if let Some(&other) = args.first() {
                    self.dict_update(h, other)?;
                }
                Ok(Value::NONE)
            }
            (Method::Popitem, _) => {
                arity("popitem", args, 0, 0)?;
                let last = heap.read(h, |o| if let Object::Dict(d) = o { d.entries().last() } else { None })?;
                let Some((key, value)) = last else {
                    return Err(Exception::new(ErrorKind::KeyError, "'popitem(): dictionary is empty'"));
                };
                self.dict_remove(h, key)?;
                self.new_tuple(vec![key, value])
            }
            (Method::Get, _) => {
                arity("get", args, 1, 2)?;
                Ok(self.dict_lookup(h, args[0])?.unwrap_or(args.get(1).copied().unwrap_or(Value::NONE)))
            }
            (Method::Pop, true) => {
                arity("pop", args, 1, 2)?;
                match (self.dict_remove(h, args[0])?, args.get(1)) {
                    (Some(v), _) => Ok(v),
                    (None, Some(&default)) => Ok(default),
                    (None, None) => Err(self.key_error(args[0])),
                }
            }
            (Method::Keys | Method::Values | Method::Items, _) => {
                arity(name, args, 0, 0)?;
                let kind = match m {
                    Method::Keys => ViewKind::Keys,
                    Method::Values => ViewKind::Values,
                    _ => ViewKind::Items,
                };
                self.alloc(Object::View { dict: h, kind })
            }
            (Method::Acquire, _) if args.is_empty() => {
                self.acquire_lock(h)?;
                Ok(Value::bool(true))
            }
            (Method::Acquire, _) => self.acquire_lock_call(h, args, &[]),
            (Method::Locked, _) => {
                arity("locked", args, 0, 0)?;
                self.lock_is_held(h)
            }
            (Method::Release, _) => {
                arity("release", args, 0, 0)?;
                self.release_lock(h)?;
                Ok(Value::NONE)
            }
            // `method_receiver` lets through only the methods above for these types.
            _ => Err(self.no_attribute(receiver, name)?),
        }
    }
}

/// Makes room for `more` items in a list before they are added, so that a list the heap limit
/// allowed but the machine cannot hold is a MemoryError rather than an abort.
fn grow(items: &mut Vec<Value>, more: usize) -> Result<(), Exception> {
    items
        .try_reserve(more)
        .map_err(|_| Exception::new(crate::error::ErrorKind::MemoryError, "out of memory: the list cannot grow"))
}
