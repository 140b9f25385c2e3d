//! Classes the program makes: `class` statements, instances and their attributes, methods,
//! `super()`, `isinstance`, and the special methods (`__init__`, `__repr__`, `__eq__`, ...) that
//! the rest of the interpreter calls when it meets an instance.
//!
//! A class is a heap object with a name, at most one base (single inheritance) and a dict of
//! attributes; an instance holds its class and a dict. An attribute is looked up in the
//! instance's dict, then along the class chain, as CPython does for classes without
//! metaclasses or `__slots__`. Looking a function up on an instance binds it: a call
//! `obj.m(x)` puts `obj` under `x` on the stack and enters `m` without making a bound method
//! object; `obj.m` as a value makes one. A class that derives from a built-in exception makes
//! exception objects, which carry the class and a dict of their own.
//!
//! Every read and write of an instance's or a class's attributes is a read or write of that
//! heap object: the checker sees `self.count += 1` as the read and the write it is.

use super::Interp;
use crate::builtins::Builtin;
use crate::bytecode::FuncId;
use crate::error::{type_error, ErrorKind, Exception};
use crate::heap::dict::Dict;
use crate::heap::object::{hash_str, intern};
use crate::heap::{
    BoundMethodObject, ClassObject, ExceptionObject, FunctionObject, Handle, Heap, InstanceObject, Kind, LocalObject,
    Object, SuperObject,
};
use crate::platform::Platform;
use crate::value::{Value, V};

/// What looking up an attribute to call found.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Callee {
    /// Call this value as it is.
    Plain(Value),
    /// Call `func` with `receiver` as its first argument (a method).
    Bound { func: Value, receiver: Value },
}

/// The hash a str key with text `name` has in a dict (see `StrObject::hash`).
#[inline]
pub(crate) fn name_hash(name: &str) -> u64 {
    hash_str(name).max(1)
}

/// Whether dict key `key` is the str `name`. Keys are strs, immutable: reading one while the
/// dict's object is read is safe.
fn key_is(heap: &Heap, key: Value, name: &str) -> bool {
    key.handle().is_some_and(|h| heap.read_fixed(h, |o| matches!(o, Object::Str(s) if s.text == name)).unwrap_or(false))
}

/// The value of attribute `name` in an attribute dict.
pub(crate) fn dict_get_str(heap: &Heap, dict: &Dict, name: &str) -> Option<Value> {
    dict.get(name_hash(name), |k| key_is(heap, k, name))
}

/// Whether `v` is a class object: one the program made, or a built-in one that emlab has.
pub(crate) fn builtin_class(v: Value) -> Option<Builtin> {
    match v.unpack() {
        V::Builtin(id) => {
            let b = Builtin::from_id(id);
            b.is_class().then_some(b)
        }
        _ => None,
    }
}

impl<P: Platform> Interp<'_, P> {
    /// `BuildNamespace`: a dict of the bound locals of the class body running in the top frame.
    pub(crate) fn build_namespace(&mut self) -> Result<Value, Exception> {
        let frame = *self.roots.frames.last().expect("a class body runs in a frame");
        let code = self.shared.program.code(frame.func);
        let mut dict = Dict::new();
        for (slot, &key) in code.namespace_keys.iter().enumerate() {
            let v = self.roots.stack[frame.base as usize + slot];
            if v == Value::UNBOUND {
                continue;
            }
            let key = self.shared.consts[key as usize];
            let hash = self.key_hash(key)?;
            // Each name has one constant: keys compare by identity.
            dict.insert(hash, key, v, |k| k == key);
        }
        self.charge(dict.len() * crate::heap::dict::ENTRY_BYTES)?;
        self.alloc(Object::Dict(Box::new(dict)))
    }

    /// The hash of a str constant used as an attribute key.
    fn key_hash(&self, key: Value) -> Result<u64, Exception> {
        match key.handle() {
            Some(h) => Ok(self.shared.heap.read_fixed(h, |o| if let Object::Str(s) = o { s.hash() } else { 0 })?),
            None => self.hash_key(key),
        }
    }

    /// `BuildClass`: `bases... namespace` -> a new class.
    pub(crate) fn build_class(&mut self, name: u32, bases: u32) -> Result<Value, Exception> {
        let n = self.roots.stack.len();
        let namespace = self.roots.stack[n - 1];
        let (base, exception, local) = match bases {
            0 => (None, None, false),
            _ => {
                let b = self.roots.stack[n - 2];
                match b.unpack() {
                    V::Builtin(id) => match Builtin::from_id(id) {
                        Builtin::Error(kind) => (None, Some(kind), false),
                        Builtin::Object => (None, None, false),
                        Builtin::ThreadLocal => (None, None, true),
                        other if other.is_class() => {
                            return Err(type_error(format!(
                                "emlab cannot derive a class from the built-in type '{}'",
                                other.name()
                            )))
                        }
                        _ => return Err(type_error("bases must be types")),
                    },
                    V::Obj(h) if self.shared.heap.kind(h)? == Kind::Class => {
                        let (exception, local) = self.shared.heap.read(h, |o| match o {
                            Object::Class(c) => (c.exception, c.local),
                            _ => (None, false),
                        })?;
                        (Some(h), exception, local)
                    }
                    _ => return Err(type_error("bases must be types")),
                }
            }
        };
        let dict = match namespace.handle() {
            Some(h) => self.shared.heap.read(h, |o| match o {
                Object::Dict(d) => (**d).clone(),
                _ => Dict::new(),
            })?,
            None => Dict::new(),
        };
        let qualname = intern(&self.shared.program.names[name as usize]);
        let name = qualname.rsplit('.').next().unwrap_or(qualname);
        let class =
            self.alloc(Object::Class(Box::new(ClassObject { name, qualname, base, exception, dict, local })))?;
        self.roots.stack.truncate(n - 1 - bases as usize);
        // `__init_subclass__` of a base (a classmethod whether or not it says so) sees the new
        // class, as CPython's `type.__new__` calls it.
        if let Some(base) = base {
            if let Some(hook) = self.class_lookup(base, "__init_subclass__")? {
                let func = match hook.handle() {
                    Some(h) if self.shared.heap.kind(h)? == Kind::ClassMethod => {
                        self.shared.heap.read(h, |o| if let Object::Wrapper(w) = o { w.func } else { hook })?
                    }
                    _ => hook,
                };
                self.push(class);
                let called = self.call_from_native(func, &[class]);
                self.pop();
                called?;
            }
        }
        Ok(class)
    }

    /// The attribute `name` of class `class` or of the first class along its bases that has it.
    pub(crate) fn class_lookup(&self, class: Handle, name: &str) -> Result<Option<Value>, Exception> {
        let heap = &self.shared.heap;
        let mut next = Some(class);
        while let Some(c) = next {
            let (found, base) = heap.read(c, |o| match o {
                Object::Class(c) => (dict_get_str(heap, &c.dict, name), c.base),
                _ => (None, None),
            })?;
            if found.is_some() {
                return Ok(found);
            }
            next = base;
        }
        Ok(None)
    }

    /// The class the program made that `v` is an instance of, if any.
    pub(crate) fn class_of(&self, v: Value) -> Result<Option<Handle>, Exception> {
        match v.unpack() {
            V::Obj(h) => match self.shared.heap.kind(h)? {
                Kind::Instance | Kind::Local | Kind::Exception => Ok(self.shared.heap.read_fixed(h, Object::class)?),
                _ => Ok(None),
            },
            _ => Ok(None),
        }
    }

    /// What `class.name` found on the class chain means for a lookup on `receiver` (an
    /// instance of `class`, or `class` itself when `on_class`).
    fn bind(&mut self, found: Value, receiver: Value, class: Handle, on_class: bool) -> Result<Callee, Exception> {
        let V::Obj(h) = found.unpack() else {
            return Ok(match found.unpack() {
                V::Func(_) if !on_class => Callee::Bound { func: found, receiver },
                _ => Callee::Plain(found),
            });
        };
        match self.shared.heap.kind(h)? {
            Kind::Function if !on_class => Ok(Callee::Bound { func: found, receiver }),
            kind @ (Kind::StaticMethod | Kind::ClassMethod | Kind::Property) => {
                let func = self.shared.heap.read(h, |o| match o {
                    Object::Wrapper(w) => w.func,
                    _ => Value::NONE,
                })?;
                Ok(match kind {
                    Kind::StaticMethod => Callee::Plain(func),
                    Kind::ClassMethod => Callee::Bound { func, receiver: Value::obj(class) },
                    _ if on_class => Callee::Plain(found),
                    _ => Callee::Plain(self.call_from_native(func, &[receiver])?),
                })
            }
            _ => Ok(Callee::Plain(found)),
        }
    }

    /// Looks attribute `name` up on an object of a class the program made, a class, or a
    /// `super()`: `None` when it has none (the caller raises AttributeError).
    pub(crate) fn lookup_attr(&mut self, obj: Value, name: &str) -> Result<Option<Callee>, Exception> {
        let V::Obj(mut h) = obj.unpack() else { return Ok(None) };
        let mut kind = self.shared.heap.kind(h)?;
        if kind == Kind::Local {
            // This thread's attributes are those of its own instance; methods bind to `obj`.
            h = self.local_instance(h)?;
            kind = Kind::Instance;
        }
        let heap = &self.shared.heap;
        match kind {
            Kind::Instance | Kind::Exception => {
                let (own, class, args) = heap.read(h, |o| match o {
                    Object::Instance(i) => (dict_get_str(heap, &i.dict, name), Some(i.class), None),
                    Object::Exception(e) => {
                        // `SystemExit.code`: its argument (None without one).
                        let code = (name == "code" && e.kind == ErrorKind::SystemExit)
                            .then(|| e.args.first().copied().unwrap_or(Value::NONE));
                        (dict_get_str(heap, &e.dict, name).or(code), e.class, (name == "args").then(|| e.args.clone()))
                    }
                    _ => (None, None, None),
                })?;
                if let Some(v) = own {
                    return Ok(Some(Callee::Plain(v)));
                }
                if let Some(args) = args {
                    return Ok(Some(Callee::Plain(self.new_tuple(args.into_vec())?)));
                }
                let Some(class) = class else { return Ok(None) };
                match self.class_lookup(class, name)? {
                    Some(found) => self.bind(found, obj, class, false).map(Some),
                    None if name == "__class__" => Ok(Some(Callee::Plain(Value::obj(class)))),
                    None => Ok(None),
                }
            }
            Kind::Class => match self.class_lookup(h, name)? {
                Some(found) => self.bind(found, obj, h, true).map(Some),
                None if name == "__name__" || name == "__qualname__" => {
                    let qualified = name == "__qualname__";
                    let text = heap.read(h, |o| match o {
                        Object::Class(c) if qualified => c.qualname,
                        Object::Class(c) => c.name,
                        _ => "",
                    })?;
                    Ok(Some(Callee::Plain(self.new_str(text)?)))
                }
                None => Ok(None),
            },
            Kind::Super => {
                let (class, receiver) = heap.read(h, |o| match o {
                    Object::Super(s) => (s.class, s.receiver),
                    _ => unreachable!("the kind says super"),
                })?;
                let (base, exception) = heap.read(class, |o| match o {
                    Object::Class(c) => (c.base, c.exception),
                    _ => (None, None),
                })?;
                let on_class = receiver.handle().is_some_and(|r| heap.kind(r).ok() == Some(Kind::Class));
                if let Some(base) = base {
                    if let Some(found) = self.class_lookup(base, name)? {
                        let owner = if on_class { receiver.handle().unwrap_or(base) } else { base };
                        return self.bind(found, receiver, owner, on_class).map(Some);
                    }
                }
                // Past the classes the program made: `BaseException.__init__` or `object.__init__`.
                Ok(match name {
                    "__init__" if exception.is_some() => {
                        Some(Callee::Bound { func: Value::builtin(Builtin::ExceptionInit.id()), receiver })
                    }
                    "__init__" => Some(Callee::Bound { func: Value::builtin(Builtin::ObjectInit.id()), receiver }),
                    _ => None,
                })
            }
            _ => Ok(None),
        }
    }

    /// `obj.name` for objects of classes the program made, classes and `super()`, as a value.
    pub(crate) fn class_attr_value(&mut self, obj: Value, name: &str) -> Result<Option<Value>, Exception> {
        Ok(match self.lookup_attr(obj, name)? {
            None => None,
            Some(Callee::Plain(v)) => Some(v),
            Some(Callee::Bound { func, receiver }) => {
                Some(self.alloc(Object::BoundMethod(Box::new(BoundMethodObject { receiver, func })))?)
            }
        })
    }

    /// The AttributeError for `obj.name`, in CPython's words.
    pub(crate) fn no_such_attribute(&self, obj: Value, name: &str) -> Result<Exception, Exception> {
        if let V::Obj(h) = obj.unpack() {
            match self.shared.heap.kind(h)? {
                Kind::Class => {
                    let class = self.shared.heap.read(h, |o| if let Object::Class(c) = o { c.name } else { "" })?;
                    return Ok(Exception::new(
                        ErrorKind::AttributeError,
                        format!("type object '{class}' has no attribute '{name}'"),
                    ));
                }
                Kind::Super => {
                    return Ok(Exception::new(
                        ErrorKind::AttributeError,
                        format!("'super' object has no attribute '{name}'"),
                    ))
                }
                // `threading.local` itself is the built-in `_thread._local` (a subclass is named).
                Kind::Local => {
                    let class = self.class_of(obj)?;
                    let base = match class {
                        Some(c) => {
                            self.shared.heap.read(c, |o| if let Object::Class(c) = o { c.base } else { None })?
                        }
                        None => None,
                    };
                    if base.is_none() {
                        return Ok(Exception::new(
                            ErrorKind::AttributeError,
                            format!("'_thread._local' object has no attribute '{name}'"),
                        ));
                    }
                }
                _ => {}
            }
        }
        let type_name = self.type_name(obj)?;
        Ok(Exception::new(ErrorKind::AttributeError, format!("'{type_name}' object has no attribute '{name}'")))
    }

    /// `obj.name = value`: `key` is `name` as a str (the key the attribute is stored under).
    /// `del obj.name`: removes an attribute of an instance, a class or an exception object.
    pub(crate) fn del_attr(&mut self, obj: Value, name: &str, key: Value) -> Result<(), Exception> {
        let missing = |this: &Self| -> Result<Exception, Exception> {
            Ok(Exception::new(
                ErrorKind::AttributeError,
                format!("'{}' object has no attribute '{name}'", this.type_name(obj)?),
            ))
        };
        let Some(mut h) = obj.handle().filter(|&h| {
            matches!(self.shared.heap.kind(h), Ok(Kind::Instance | Kind::Local | Kind::Class | Kind::Exception))
        }) else {
            return Err(missing(self)?);
        };
        if self.shared.heap.kind(h)? == Kind::Local {
            h = self.local_instance(h)?;
        }
        let hash = self.key_hash(key)?;
        let heap = &self.shared.heap;
        let mut same = |k: Value| k == key || key_is(heap, k, name);
        let removed = heap.write(h, |o| match o {
            Object::Instance(i) => i.dict.remove(hash, &mut same),
            Object::Class(c) => c.dict.remove(hash, &mut same),
            Object::Exception(e) => e.dict.remove(hash, &mut same),
            _ => None,
        })?;
        match removed {
            Some(_) => Ok(()),
            None => Err(missing(self)?),
        }
    }

    /// A function object like `func` (a function, or a function object with defaults and
    /// cells) named `name` and `qualname` (what `functools.wraps` copies onto a wrapper); any
    /// other value is returned as it is.
    pub(crate) fn renamed_function(&mut self, func: Value, name: Value, qualname: Value) -> Result<Value, Exception> {
        let (Some(name), Some(qualname)) = (self.str_text(name)?, self.str_text(qualname)?) else {
            return Err(type_error("__name__ must be set to a string object"));
        };
        let names = Some(Box::new((intern(&name), intern(&qualname))));
        let made = match func.unpack() {
            V::Func(func) => FunctionObject { func, defaults: Box::new([]), closure: Box::new([]), names },
            V::Obj(h) if self.shared.heap.kind(h)? == Kind::Function => {
                let copy = self.shared.heap.read(h, |o| match o {
                    Object::Function(f) => Some((f.func, f.defaults.clone(), f.closure.clone())),
                    _ => None,
                })?;
                let Some((func, defaults, closure)) = copy else { return Ok(func) };
                FunctionObject { func, defaults, closure, names }
            }
            _ => return Ok(func),
        };
        self.alloc(Object::Function(Box::new(made)))
    }

    pub(crate) fn set_attr(&mut self, obj: Value, name: &str, key: Value, value: Value) -> Result<(), Exception> {
        if let V::Module(m) = obj.unpack() {
            if let Some(library) = crate::modules::library(m) {
                return self.set_library_attribute(library, name, value);
            }
            return Err(Exception::new(
                ErrorKind::AttributeError,
                format!("emlab cannot set attribute '{name}' of the native module '{}'", crate::modules::name(m)),
            ));
        }
        let kind = match obj.unpack() {
            V::Obj(h) => Some((h, self.shared.heap.kind(h)?)),
            _ => None,
        };
        let h = match kind {
            Some((h, Kind::Instance | Kind::Class | Kind::Exception)) => h,
            Some((h, Kind::Local)) => self.local_instance(h)?,
            _ => {
                let type_name = self.type_name(obj)?;
                return Err(Exception::new(
                    ErrorKind::AttributeError,
                    format!("'{type_name}' object has no attribute '{name}'"),
                ));
            }
        };
        // A class's `__name__` and `__qualname__` are its own (what reprs and messages show).
        if matches!(kind, Some((_, Kind::Class))) && (name == "__name__" || name == "__qualname__") {
            let Some(text) = self.str_text(value)? else {
                let type_name = self.type_name(value)?;
                return Err(type_error(format!("can only assign string to {name}, not '{type_name}'")));
            };
            let text = intern(&text);
            return Ok(self.shared.heap.write(h, |o| {
                if let Object::Class(c) = o {
                    if name == "__name__" {
                        c.name = text;
                    } else {
                        c.qualname = text;
                    }
                }
            })?);
        }
        // A property of the class decides what setting its name does.
        if let Some(class) = self.class_of(obj)? {
            if let Some(found) = self.class_lookup(class, name)? {
                if let Some(f) = found.handle().filter(|&f| self.shared.heap.kind(f).ok() == Some(Kind::Property)) {
                    let setter = self.shared.heap.read(f, |o| match o {
                        Object::Wrapper(w) => w.setter,
                        _ => Value::NONE,
                    })?;
                    if setter == Value::NONE {
                        let class_name = self.type_name(obj)?;
                        return Err(Exception::new(
                            ErrorKind::AttributeError,
                            format!("property '{name}' of '{class_name}' object has no setter"),
                        ));
                    }
                    self.call_from_native(setter, &[obj, value])?;
                    return Ok(());
                }
            }
        }
        let hash = self.key_hash(key)?;
        self.charge(crate::heap::dict::ENTRY_BYTES)?;
        let heap = &self.shared.heap;
        let mut same = |k: Value| k == key || key_is(heap, k, name);
        heap.write(h, |o| match o {
            Object::Instance(i) => i.dict.insert(hash, key, value, &mut same),
            Object::Class(c) => c.dict.insert(hash, key, value, &mut same),
            Object::Exception(e) => e.dict.insert(hash, key, value, &mut same),
            _ => {}
        })?;
        Ok(())
    }

    /// Calls class `class` with the arguments above `callee_at` (the last `names.len()` of them
    /// keyword arguments): makes an instance and runs `__init__` on it. Returns the instance, or
    /// `None` when `__init__`'s frame was pushed (its return gives the instance).
    pub(crate) fn instantiate(
        &mut self,
        class: Handle,
        callee_at: usize,
        names: &[String],
    ) -> Result<Option<Value>, Exception> {
        let (exception, local) = self.shared.heap.read(class, |o| match o {
            Object::Class(c) => (c.exception, c.local),
            _ => (None, false),
        })?;
        let init = self.class_lookup(class, "__init__")?;
        let given = self.roots.stack.len() - callee_at - 1;
        if local {
            return self.instantiate_local(class, init, callee_at, names).map(Some);
        }
        let instance = match exception {
            // `BaseException.__new__` keeps the positional arguments as `args`.
            Some(kind) => {
                let positional = self.roots.stack[callee_at + 1..self.roots.stack.len() - names.len()].to_vec();
                let mut e = ExceptionObject::new(kind, positional.into_boxed_slice(), None);
                e.class = Some(class);
                self.alloc(Object::Exception(Box::new(e)))?
            }
            None => self.alloc(Object::Instance(Box::new(InstanceObject { class, dict: Dict::new() })))?,
        };
        let Some(init) = init else {
            if exception.is_none() && given > 0 {
                let name = self.type_name(instance)?;
                return Err(type_error(format!("{name}() takes no arguments")));
            }
            if exception.is_some() && !names.is_empty() {
                let name = self.type_name(instance)?;
                return Err(type_error(format!("{name}() takes no keyword arguments")));
            }
            self.roots.stack.truncate(callee_at);
            return Ok(Some(instance));
        };
        let Some((func, defaults)) = self.function_parts(init)? else {
            // Something other than a function under `__init__`: call it with the instance.
            self.roots.stack[callee_at] = init;
            self.roots.stack.insert(callee_at + 1, instance);
            self.call_with_keywords(callee_at, names)?;
            return Ok(Some(instance));
        };
        // `__init__` stays the callee while its frame is bound (a closure's cells come from it);
        // then the callee's slot holds the instance, which the frame's return gives.
        self.roots.stack[callee_at] = init;
        self.roots.stack.insert(callee_at + 1, instance);
        self.enter_function(func, defaults.as_deref(), callee_at, names)?;
        self.roots.stack[callee_at] = instance;
        self.roots.frames.last_mut().expect("a frame was pushed").init = true;
        Ok(None)
    }

    /// `instantiate` for a class derived from `_thread._local`: the object, with this thread's
    /// instance made, then `__init__` run on it; the arguments are kept for `__init__` to run
    /// with again in every other thread that uses the object (CPython's `_thread._local`).
    fn instantiate_local(
        &mut self,
        class: Handle,
        init: Option<Value>,
        callee_at: usize,
        names: &[String],
    ) -> Result<Value, Exception> {
        let end = self.roots.stack.len();
        let Some(init) = init else {
            if end > callee_at + 1 {
                return Err(type_error("Initialization arguments are not supported"));
            }
            self.roots.stack.truncate(callee_at);
            let local = LocalObject { class, threads: Vec::new(), init: None };
            let object = self.alloc(Object::Local(Box::new(local)))?;
            self.push(object);
            let made = self.local_instance_made(object.handle().expect("a local is an object"), false);
            self.pop();
            made?;
            return Ok(object);
        };
        // The arguments stay on the stack (rooted) until `__init__` has run.
        let mut positional = vec![Value::NONE];
        positional.extend_from_slice(&self.roots.stack[callee_at + 1..end - names.len()]);
        let values = self.roots.stack[end - names.len()..end].to_vec();
        let args = self.new_tuple(positional[1..].to_vec())?;
        self.push(args);
        let object = self.local_with_arguments(class, args, names, &values);
        self.pop();
        let object = object?;
        self.push(object);
        positional[0] = object;
        // This thread's instance, then `__init__` on the object with the arguments as given.
        let result = self
            .local_instance_made(object.handle().expect("a local is an object"), false)
            .and_then(|_| self.call_from_native_keywords(init, &positional, names, &values));
        self.pop();
        let result = result?;
        if result != Value::NONE {
            return Err(type_error(format!("__init__() should return None, not '{}'", self.type_name(result)?)));
        }
        self.roots.stack.truncate(callee_at);
        Ok(object)
    }

    /// A new `threading.local` of class `class` that keeps `args` and the keyword arguments
    /// `names`/`values` for `__init__` (`args` is rooted by the caller).
    fn local_with_arguments(
        &mut self,
        class: Handle,
        args: Value,
        names: &[String],
        values: &[Value],
    ) -> Result<Value, Exception> {
        let kwargs = self.alloc(Object::Dict(Box::default()))?;
        self.push(kwargs);
        let filled = names.iter().zip(values).try_for_each(|(name, &value)| {
            let key = self.new_str(name.as_str())?;
            self.dict_set(kwargs.handle().expect("a dict is an object"), key, value)
        });
        let object = filled.and_then(|()| {
            let local = LocalObject { class, threads: Vec::new(), init: Some((args, kwargs)) };
            self.alloc(Object::Local(Box::new(local)))
        });
        self.pop();
        object
    }

    /// The instance of `threading.local` object `local` that holds the running thread's
    /// attributes, made (and `__init__` rerun on the object) the first time this thread uses it.
    pub(crate) fn local_instance(&mut self, local: Handle) -> Result<Handle, Exception> {
        let ident = super::threadlib::ident_of(self.slot.number);
        let found = self.shared.heap.read(local, |o| match o {
            Object::Local(l) => l.threads.iter().find(|&&(t, _)| t == ident).map(|&(_, i)| i),
            _ => None,
        })?;
        match found {
            Some(instance) => Ok(instance),
            None => self.local_instance_made(local, true),
        }
    }

    /// Makes the running thread's instance of `local`, and with `rerun` runs `__init__` on the
    /// object with the arguments it was made with.
    fn local_instance_made(&mut self, local: Handle, rerun: bool) -> Result<Handle, Exception> {
        let ident = super::threadlib::ident_of(self.slot.number);
        let (class, init) = self.shared.heap.read(local, |o| match o {
            Object::Local(l) => (Some(l.class), l.init),
            _ => (None, None),
        })?;
        let Some(class) = class else { return Err(type_error("not a thread-local object")) };
        let instance = self.alloc(Object::Instance(Box::new(InstanceObject { class, dict: Dict::new() })))?;
        let handle = instance.handle().expect("an instance is an object");
        self.shared.heap.write(local, |o| {
            if let Object::Local(l) = o {
                l.threads.push((ident, handle));
            }
        })?;
        if let (true, Some((args, kwargs))) = (rerun, init) {
            let object = Value::obj(local);
            let Some(init) = self.class_lookup(class, "__init__")? else { return Ok(handle) };
            let mut positional = vec![object];
            positional.extend(self.shared.heap.read(args.handle().expect("a tuple"), |o| match o {
                Object::Tuple(items) => items.to_vec(),
                _ => Vec::new(),
            })?);
            let (names, values): (Vec<String>, Vec<Value>) = {
                let entries = self.shared.heap.read(kwargs.handle().expect("a dict"), |o| match o {
                    Object::Dict(d) => d.entries().collect::<Vec<_>>(),
                    _ => Vec::new(),
                })?;
                let mut names = Vec::new();
                let mut values = Vec::new();
                for (k, v) in entries {
                    names.push(self.str_text(k)?.unwrap_or_default());
                    values.push(v);
                }
                (names, values)
            };
            let result = self.call_from_native_keywords(init, &positional, &names, &values)?;
            if result != Value::NONE {
                return Err(type_error(format!("__init__() should return None, not '{}'", self.type_name(result)?)));
            }
        }
        Ok(handle)
    }

    /// Enters Python function `func` (with `defaults`), which is called with the values above
    /// `callee_at`, the last `names.len()` of them keyword arguments.
    pub(crate) fn enter_function(
        &mut self,
        func: FuncId,
        defaults: Option<&[Value]>,
        callee_at: usize,
        names: &[String],
    ) -> Result<(), Exception> {
        match defaults {
            None if names.is_empty() => self.push_frame(func, (self.roots.stack.len() - callee_at - 1) as u32),
            _ => self.bind_frame(func, defaults, callee_at, names),
        }
    }

    /// Rewrites the call at `callee_at` of a bound method, a class or an object with `__call__`
    /// into the call it stands for; `Ok(true)` when it did, `Ok(false)` when the callee is none of
    /// these.
    pub(crate) fn unwrap_callee(&mut self, callee_at: usize) -> Result<bool, Exception> {
        let callee = self.roots.stack[callee_at];
        let V::Obj(h) = callee.unpack() else { return Ok(false) };
        match self.shared.heap.kind(h)? {
            Kind::BoundMethod => {
                let (receiver, func) = self.shared.heap.read(h, |o| match o {
                    Object::BoundMethod(m) => (m.receiver, m.func),
                    _ => unreachable!("the kind says bound method"),
                })?;
                self.roots.stack[callee_at] = func;
                self.roots.stack.insert(callee_at + 1, receiver);
                Ok(true)
            }
            Kind::Instance | Kind::Local | Kind::Exception => match self.class_of(callee)? {
                Some(class) => match self.class_lookup(class, "__call__")? {
                    Some(found) => {
                        let callee = self.bind(found, callee, class, false)?;
                        self.place_callee(callee_at, callee);
                        Ok(true)
                    }
                    None => Ok(false),
                },
                None => Ok(false),
            },
            Kind::StaticMethod | Kind::ClassMethod => {
                let func = self.shared.heap.read(h, |o| match o {
                    Object::Wrapper(w) => w.func,
                    _ => Value::NONE,
                })?;
                self.roots.stack[callee_at] = func;
                Ok(true)
            }
            _ => Ok(false),
        }
    }

    /// Puts what a method lookup found where the receiver was: the callee, and for a bound one
    /// its receiver as the first argument.
    pub(crate) fn place_callee(&mut self, at: usize, callee: Callee) {
        match callee {
            Callee::Plain(v) => self.roots.stack[at] = v,
            Callee::Bound { func, receiver } => {
                self.roots.stack[at] = func;
                self.roots.stack.insert(at + 1, receiver);
            }
        }
    }

    /// Whether calls of `v` are calls of a class, a bound method or an object with `__call__`.
    pub(crate) fn is_class_callable(&self, h: Handle) -> Result<bool, Exception> {
        Ok(match self.shared.heap.kind(h)? {
            Kind::Class | Kind::BoundMethod | Kind::StaticMethod | Kind::ClassMethod => true,
            Kind::Instance | Kind::Local | Kind::Exception => match self.class_of(Value::obj(h))? {
                Some(class) => self.class_lookup(class, "__call__")?.is_some(),
                None => false,
            },
            _ => false,
        })
    }

    /// Calls special method `name` of `obj`'s class with `obj` and `args`, if the class (one the
    /// program made) defines it.
    pub(crate) fn call_special(&mut self, obj: Value, name: &str, args: &[Value]) -> Result<Option<Value>, Exception> {
        let Some(class) = self.class_of(obj)? else { return Ok(None) };
        let Some(found) = self.class_lookup(class, name)? else { return Ok(None) };
        let callee = self.bind(found, obj, class, false)?;
        let result = match callee {
            Callee::Plain(f) => self.call_from_native(f, args)?,
            Callee::Bound { func, receiver } => {
                let mut all = Vec::with_capacity(args.len() + 1);
                all.push(receiver);
                all.extend_from_slice(args);
                self.call_from_native(func, &all)?
            }
        };
        Ok(Some(result))
    }

    /// Whether `obj`'s class (one the program made) defines special method `name`.
    pub(crate) fn call_special_exists(&self, obj: Value, name: &str) -> Result<bool, Exception> {
        match self.class_of(obj)? {
            Some(class) => Ok(self.class_lookup(class, name)?.is_some()),
            None => Ok(false),
        }
    }

    /// Whether `v` is an object whose class the program made (its special methods may apply).
    #[inline]
    pub(crate) fn is_instance_object(&self, v: Value) -> bool {
        match v.unpack() {
            V::Obj(h) => {
                matches!(self.shared.heap.kind(h), Ok(Kind::Instance | Kind::Local))
                    || (matches!(self.shared.heap.kind(h), Ok(Kind::Exception))
                        && self.shared.heap.read_fixed(h, Object::class).ok().flatten().is_some())
            }
            _ => false,
        }
    }

    /// `str(obj)` (`as_str`) or `repr(obj)` of an object whose class the program made, when its
    /// class defines `__str__` or `__repr__` (`str` falls back to `__repr__`).
    pub(crate) fn special_text(&mut self, obj: Value, as_str: bool) -> Result<Option<String>, Exception> {
        let mut result = None;
        if as_str {
            result = self.call_special(obj, "__str__", &[])?;
        }
        if result.is_none() {
            result = self.call_special(obj, "__repr__", &[])?;
        }
        match result {
            None => Ok(None),
            Some(v) => match self.str_text(v)? {
                Some(text) => Ok(Some(text)),
                None => Err(type_error(format!(
                    "{} returned non-string (type {})",
                    if as_str { "__str__" } else { "__repr__" },
                    self.type_name(v)?
                ))),
            },
        }
    }

    /// `a op b` for a comparison where `a` or `b` is an object whose class the program made: its
    /// `__eq__`, `__lt__`, ... then the reflected method of the other operand, then (for `==` and
    /// `!=`) identity.
    pub(crate) fn rich_compare(
        &mut self,
        op: crate::ast::CmpOp,
        a: Value,
        b: Value,
    ) -> Result<Option<bool>, Exception> {
        use crate::ast::CmpOp::*;
        let (name, reflected) = match op {
            Eq => ("__eq__", "__eq__"),
            Ne => ("__ne__", "__ne__"),
            Lt => ("__lt__", "__gt__"),
            Le => ("__le__", "__ge__"),
            Gt => ("__gt__", "__lt__"),
            Ge => ("__ge__", "__le__"),
            _ => return Ok(None),
        };
        for (x, y, method) in [(a, b, name), (b, a, reflected)] {
            let mut r = self.call_special(x, method, &[y])?;
            // `__ne__` not defined: the opposite of `__eq__`, as `object.__ne__` is.
            if r.is_none() && op == Ne {
                if let Some(eq) = self.call_special(x, "__eq__", &[y])? {
                    if !self.is_not_implemented(eq) {
                        return Ok(Some(!self.truthy(eq)?));
                    }
                }
            }
            if let Some(r) = r.take() {
                if !self.is_not_implemented(r) {
                    return Ok(Some(self.truthy(r)?));
                }
            }
        }
        Ok(match op {
            Eq => Some(a == b),
            Ne => Some(a != b),
            _ => None,
        })
    }

    /// `a op b` where `a` or `b` is an object whose class the program made, as CPython's
    /// `binary_op1`: `a.__add__(b)`, then `b.__radd__(a)` (reflected only between different
    /// classes, and tried first when `b`'s class derives from `a`'s and defines its own). None
    /// when neither defines the operator or both return `NotImplemented`.
    pub(crate) fn special_binary(
        &mut self,
        op: crate::ast::BinOp,
        a: Value,
        b: Value,
    ) -> Result<Option<Value>, Exception> {
        let [method, reflected, _] = op.special_methods();
        let (class_a, class_b) = (self.class_of(a)?, self.class_of(b)?);
        let mut tries = [(a, b, method), (b, a, reflected)];
        if let (Some(x), Some(y)) = (class_a, class_b) {
            if x == y {
                return match self.call_special(a, method, &[b])? {
                    Some(r) if !self.is_not_implemented(r) => Ok(Some(r)),
                    _ => Ok(None),
                };
            }
            if self.is_subclass_of(y, x)? && self.class_lookup(y, reflected)? != self.class_lookup(x, reflected)? {
                tries.swap(0, 1);
            }
        }
        for (x, y, name) in tries {
            if let Some(r) = self.call_special(x, name, &[y])? {
                if !self.is_not_implemented(r) {
                    return Ok(Some(r));
                }
            }
        }
        Ok(None)
    }

    /// `int(obj)` or `float(obj)` through the conversion method `name` of `obj`'s class, whose
    /// result must be of type `want` (`int`: an int or a bool, as CPython's deprecated leniency).
    pub(crate) fn converted(&mut self, obj: Value, name: &str, want: &str) -> Result<Value, Exception> {
        let r = self.call_special(obj, name, &[])?.unwrap_or(Value::NONE);
        let ok = match r.unpack() {
            V::Int(_) | V::Bool(_) => want == "int",
            V::Float(_) => want == "float",
            _ => want == "int" && self.is_big_int(r),
        };
        if !ok {
            return Err(type_error(format!("{name} returned non-{want} (type {})", self.type_name(r)?)));
        }
        Ok(match r.unpack() {
            V::Bool(b) => Value::int(b as i64),
            _ => r,
        })
    }

    /// `v` as an int where Python wants one (`bin()`, `hex()`): an int or a bool as it is, or
    /// what `__index__` of an object of the program's classes returns.
    pub(crate) fn index_value(&mut self, v: Value) -> Result<Value, Exception> {
        match v.unpack() {
            V::Int(_) => Ok(v),
            V::Bool(b) => Ok(Value::int(b as i64)),
            _ if self.is_big_int(v) => Ok(v),
            _ if self.is_instance_object(v) && self.call_special_exists(v, "__index__")? => {
                self.converted(v, "__index__", "int")
            }
            _ => Err(type_error(format!("'{}' object cannot be interpreted as an integer", self.type_name(v)?))),
        }
    }

    /// Whether `v` is `NotImplemented`.
    pub(crate) fn is_not_implemented(&self, v: Value) -> bool {
        matches!(v.unpack(), V::Builtin(id) if Builtin::from_id(id) == Builtin::NotImplemented)
    }

    /// `super()` in a method: the class the running method was defined in (found on the chain of
    /// its first argument's class) and that first argument.
    pub(crate) fn zero_argument_super(&mut self) -> Result<Value, Exception> {
        let no_arguments = || Exception::new(ErrorKind::RuntimeError, "super(): no arguments");
        let frame = *self.roots.frames.last().ok_or_else(no_arguments)?;
        let code = self.shared.program.code(frame.func);
        if code.params == 0 || frame.func.0 == 0 {
            return Err(no_arguments());
        }
        let receiver = self.roots.stack[frame.base as usize];
        let heap = &self.shared.heap;
        let start = match receiver.handle() {
            Some(h) if heap.kind(h)? == Kind::Class => Some(h),
            _ => self.class_of(receiver)?,
        };
        let mut next = start;
        while let Some(class) = next {
            let (defines, base) = heap.read(class, |o| match o {
                Object::Class(c) => (c.dict.entries().any(|(_, v)| self.is_function_of(v, frame.func)), c.base),
                _ => (false, None),
            })?;
            if defines {
                return self.alloc(Object::Super(Box::new(SuperObject { class, receiver })));
            }
            next = base;
        }
        Err(Exception::new(ErrorKind::RuntimeError, "super(): __class__ cell not found"))
    }

    /// Whether class attribute `v` is function `func` (plain, with defaults, or wrapped).
    fn is_function_of(&self, v: Value, func: FuncId) -> bool {
        let heap = &self.shared.heap;
        match v.unpack() {
            V::Func(f) => f == func,
            V::Obj(h) => heap
                .read_fixed(h, |o| match o {
                    Object::Function(f) => Some(f.func == func),
                    Object::Wrapper(w) => match w.func.unpack() {
                        V::Func(f) => Some(f == func),
                        _ => Some(false),
                    },
                    _ => Some(false),
                })
                .ok()
                .flatten()
                .unwrap_or(false),
            _ => false,
        }
    }

    /// `isinstance(v, class)` for one class (a tuple is handled by the caller).
    pub(crate) fn is_instance(&self, v: Value, class: Value) -> Result<bool, Exception> {
        if let Some(builtin) = builtin_class(class) {
            return Ok(match builtin {
                Builtin::Object => true,
                Builtin::Error(kind) => match self.exception_kind_of(v)? {
                    Some(k) => k.is_a(kind),
                    None => false,
                },
                b => self.builtin_type_of(v)? == Some(b) || (b == Builtin::Int && matches!(v.unpack(), V::Bool(_))),
            });
        }
        match class.handle() {
            Some(c) if self.shared.heap.kind(c)? == Kind::Class => match self.class_of(v)? {
                Some(own) => self.is_subclass_of(own, c),
                None => Ok(false),
            },
            _ => Err(type_error("isinstance() arg 2 must be a type, a tuple of types, or a union")),
        }
    }

    /// Whether class `class` is `ancestor` or derives from it.
    pub(crate) fn is_subclass_of(&self, class: Handle, ancestor: Handle) -> Result<bool, Exception> {
        let mut next = Some(class);
        while let Some(c) = next {
            if c == ancestor {
                return Ok(true);
            }
            next = self.shared.heap.read(c, |o| if let Object::Class(c) = o { c.base } else { None })?;
        }
        Ok(false)
    }

    /// The built-in exception class of exception object `v`, if it is one.
    pub(crate) fn exception_kind_of(&self, v: Value) -> Result<Option<ErrorKind>, Exception> {
        Ok(match v.unpack() {
            V::Obj(h) if self.shared.heap.kind(h)? == Kind::Exception => {
                self.shared.heap.read_fixed(h, |o| if let Object::Exception(e) = o { Some(e.kind) } else { None })?
            }
            _ => None,
        })
    }

    /// The built-in class (as emlab names it) of `v`, where emlab has one.
    fn builtin_type_of(&self, v: Value) -> Result<Option<Builtin>, Exception> {
        Ok(match v.unpack() {
            V::Int(_) => Some(Builtin::Int),
            V::Bool(_) => Some(Builtin::Bool),
            V::None => Some(Builtin::NoneType),
            V::Float(_) => Some(Builtin::Float),
            V::Obj(h) => match self.shared.heap.kind(h)? {
                Kind::Int => Some(Builtin::Int),
                Kind::Str => Some(Builtin::Str),
                Kind::List => Some(Builtin::List),
                Kind::Tuple => Some(Builtin::Tuple),
                Kind::Dict => Some(Builtin::Dict),
                Kind::Set => Some(Builtin::Set),
                Kind::FrozenSet => Some(Builtin::FrozenSet),
                Kind::Slice => Some(Builtin::Slice),
                Kind::Range => Some(Builtin::Range),
                Kind::Lock => Some(Builtin::Lock),
                Kind::Class => Some(Builtin::Type),
                Kind::Object => Some(Builtin::Object),
                Kind::Exception => self.exception_kind_of(v)?.map(Builtin::Error),
                _ => None,
            },
            V::Builtin(id) if Builtin::from_id(id).is_class() => Some(Builtin::Type),
            _ => None,
        })
    }

    /// `type(v)`: its class.
    pub(crate) fn type_of(&self, v: Value) -> Result<Value, Exception> {
        if let Some(class) = self.class_of(v)? {
            return Ok(Value::obj(class));
        }
        match self.builtin_type_of(v)? {
            Some(b) => Ok(Value::builtin(b.id())),
            None => Err(type_error(format!(
                "emlab has no class object for type '{}': compare type names with type(x).__name__ instead",
                self.type_name(v)?
            ))),
        }
    }
}

impl<P: Platform> Interp<'_, P> {
    /// Whether `obj.name` exists on an instance, exception, class or `super()`, found without
    /// running anything (a property's getter runs when the attribute is used).
    pub(crate) fn class_attribute_exists(&self, obj: Value, name: &str) -> Result<bool, Exception> {
        let V::Obj(h) = obj.unpack() else { return Ok(false) };
        let heap = &self.shared.heap;
        match heap.kind(h)? {
            Kind::Instance | Kind::Local | Kind::Exception => {
                let (own, class) = heap.read(h, |o| match o {
                    Object::Instance(i) => (dict_get_str(heap, &i.dict, name).is_some(), Some(i.class)),
                    // This thread's instance, if it has used the object (nothing else runs here).
                    // Before its first use `__init__` has not run for it: the attribute may yet
                    // come, so the lookup that follows decides.
                    Object::Local(l) => {
                        let ident = super::threadlib::ident_of(self.slot.number);
                        let own = match l.threads.iter().find(|&&(t, _)| t == ident) {
                            Some(&(_, i)) => heap
                                .read(i, |o| match o {
                                    Object::Instance(i) => dict_get_str(heap, &i.dict, name).is_some(),
                                    _ => false,
                                })
                                .unwrap_or(false),
                            None => l.init.is_some(),
                        };
                        (own, Some(l.class))
                    }
                    Object::Exception(e) => (dict_get_str(heap, &e.dict, name).is_some() || name == "args", e.class),
                    _ => (false, None),
                })?;
                Ok(own
                    || name == "__class__"
                    || class.map_or(Ok(false), |c| self.class_lookup(c, name).map(|f| f.is_some()))?)
            }
            Kind::Class => Ok(self.class_lookup(h, name)?.is_some() || name == "__name__" || name == "__qualname__"),
            Kind::Super => {
                let class = heap.read(h, |o| match o {
                    Object::Super(s) => Some(s.class),
                    _ => None,
                })?;
                let base = match class {
                    Some(c) => heap.read(c, |o| if let Object::Class(c) = o { c.base } else { None })?,
                    None => None,
                };
                Ok(name == "__init__" || base.map_or(Ok(false), |b| self.class_lookup(b, name).map(|f| f.is_some()))?)
            }
            _ => Ok(false),
        }
    }
}

/// Cells: the locals a function shares with the functions nested in it.
impl<P: Platform> Interp<'_, P> {
    /// `LoadDeref`: the value in the cell in local `slot` of the running function.
    pub(crate) fn load_deref(&mut self, slot: u16) -> Result<Value, Exception> {
        let frame = *self.roots.frames.last().expect("a function is running");
        let cell = self.roots.stack[frame.base as usize + slot as usize];
        let v = match cell.handle() {
            Some(h) => self.shared.heap.read(h, |o| if let Object::Cell(v) = o { *v } else { Value::UNBOUND })?,
            None => Value::UNBOUND,
        };
        if v == Value::UNBOUND {
            let code = self.shared.program.code(frame.func);
            let name = &code.local_names[slot as usize];
            let free = slot as usize >= code.local_names.len() - code.frees as usize;
            return Err(if free {
                Exception::new(
                    ErrorKind::NameError,
                    format!("cannot access free variable '{name}' where it is not associated with a value in enclosing scope"),
                )
            } else {
                Exception::new(
                    ErrorKind::UnboundLocalError,
                    format!("cannot access local variable '{name}' where it is not associated with a value"),
                )
            });
        }
        self.trace(|| crate::trace::EventKind::LoadCell {
            name: self.shared.program.code(frame.func).local_names[slot as usize].clone(),
            cell: self.brief(cell),
            value: self.brief(v),
        });
        Ok(v)
    }

    /// `StoreDeref`: puts `v` in the cell in local `slot` of the running function.
    pub(crate) fn store_deref(&mut self, slot: u16, v: Value) -> Result<(), Exception> {
        let frame = *self.roots.frames.last().expect("a function is running");
        let cell = self.roots.stack[frame.base as usize + slot as usize];
        if let Some(h) = cell.handle() {
            self.shared.heap.write(h, |o| {
                if let Object::Cell(value) = o {
                    *value = v;
                }
            })?;
        }
        self.trace(|| crate::trace::EventKind::StoreCell {
            name: self.shared.program.code(frame.func).local_names[slot as usize].clone(),
            cell: self.brief(cell),
            value: self.brief(v),
        });
        Ok(())
    }

    /// `AppendTo`: appends `v` to list `list` (a comprehension's result, private to it).
    pub(crate) fn append_to(&mut self, list: Value, v: Value) -> Result<(), Exception> {
        if let Some(h) = list.handle() {
            self.charge(crate::interp::ops::ITEM)?;
            self.shared.heap.write(h, |o| {
                if let Object::List(items) = o {
                    items.push(v)
                }
            })?;
        }
        Ok(())
    }
}
