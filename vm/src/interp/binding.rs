//! Calls with keyword arguments, default values, `*args` and `**kwargs`: binding a call's
//! arguments to a function's parameters as CPython does (`initialize_locals` in
//! `Python/ceval.c`), with its messages. A call whose positional arguments match a plain
//! function's parameters one for one never comes here (see [`Interp::push_frame`]).

use super::Interp;
use crate::builtins::Builtin;
use crate::bytecode::FuncId;
use crate::error::{type_error, ErrorKind, Exception};
use crate::heap::dict::Dict;
use crate::heap::{Kind, Object};
use crate::platform::Platform;
use crate::thread_state::Frame;
use crate::value::{Value, V};

use super::calls::{name_list, plural};

/// A Python function's code and, for one made by a `def` with defaults, its default values.
type FunctionParts = (FuncId, Option<Box<[Value]>>);

impl<P: Platform> Interp<'_, P> {
    /// The code and default values of a Python function value, if it is one.
    pub(crate) fn function_parts(&self, v: Value) -> Result<Option<FunctionParts>, Exception> {
        Ok(match v.unpack() {
            V::Func(f) => Some((f, None)),
            V::Obj(h) if self.shared.heap.kind(h)? == Kind::Function => {
                self.shared.heap.read_fixed(h, |o| match o {
                    Object::Function(f) => Some((f.func, Some(f.defaults.clone()))),
                    _ => None,
                })?
            }
            _ => None,
        })
    }

    /// Whether `v` can be called (a function, a builtin, an extension function, a class, a bound
    /// method, an object with `__call__`).
    pub(crate) fn is_callable(&self, v: Value) -> Result<bool, Exception> {
        Ok(match v.unpack() {
            V::Func(_) | V::Native(_) => true,
            V::Builtin(id) => Builtin::from_id(id) != Builtin::NotImplemented,
            V::Obj(h) => self.shared.heap.kind(h)? == Kind::Function || self.is_class_callable(h)?,
            _ => false,
        })
    }

    /// Calls the value at `callee_at` with the values above it: positional arguments, then one
    /// value per keyword name in `names`. Pushes a frame for a Python function (and returns
    /// `None`), or returns the result of a builtin with the callee and arguments popped.
    pub(crate) fn call_with_keywords(
        &mut self,
        callee_at: usize,
        names: &[String],
    ) -> Result<Option<Value>, Exception> {
        let mut callee = self.roots.stack[callee_at];
        // A bound method, or an object with `__call__`, stands for another callee (a few at most:
        // more is a cycle of `__call__` attributes).
        let mut unwrapped = 0;
        loop {
            if let Some((func, defaults)) = self.function_parts(callee)? {
                return self.bind_frame(func, defaults.as_deref(), callee_at, names).map(|()| None);
            }
            if let V::Obj(h) = callee.unpack() {
                if self.shared.heap.kind(h)? == Kind::Class {
                    return self.instantiate(h, callee_at, names);
                }
            }
            if !self.unwrap_callee(callee_at)? {
                break;
            }
            unwrapped += 1;
            if unwrapped > 16 {
                return Err(Exception::new(
                    ErrorKind::RecursionError,
                    "maximum recursion depth exceeded while calling a Python object",
                ));
            }
            callee = self.roots.stack[callee_at];
        }
        if names.is_empty() {
            return self.call_value((self.roots.stack.len() - callee_at - 1) as u32);
        }
        match callee.unpack() {
            V::Builtin(id) => {
                let args: Vec<Value> = self.roots.stack[callee_at + 1..].to_vec();
                let (positional, values) = args.split_at(args.len() - names.len());
                let keywords: Vec<(&str, Value)> =
                    names.iter().map(String::as_str).zip(values.iter().copied()).collect();
                let result = self.call_builtin_keywords(Builtin::from_id(id), positional, &keywords)?;
                self.roots.stack.truncate(callee_at);
                Ok(Some(result))
            }
            V::Native(f) => {
                Err(type_error(format!("{}() takes no keyword arguments", crate::modules::native(f).1.name)))
            }
            _ => Err(type_error(format!("'{}' object is not callable", self.type_name(callee)?))),
        }
    }

    /// Replaces the call arguments `*list, **dict` on top of the stack by the positional values
    /// and keyword values they hold, returning the keyword names (`f(*xs, **kw)`).
    pub(crate) fn spread_call_arguments(&mut self) -> Result<Vec<String>, Exception> {
        let n = self.roots.stack.len();
        let (list, dict) = (self.roots.stack[n - 2], self.roots.stack[n - 1]);
        let positional = self.iterate(list)?;
        let entries = match dict.unpack() {
            V::Obj(h) => self.shared.heap.read(h, |o| match o {
                Object::Dict(d) => d.entries().collect::<Vec<_>>(),
                _ => Vec::new(),
            })?,
            _ => Vec::new(),
        };
        let mut names = Vec::with_capacity(entries.len());
        for &(key, _) in &entries {
            names.push(self.keyword_name(key)?);
        }
        self.roots.stack.truncate(n - 2);
        self.roots.stack.extend(positional);
        self.roots.stack.extend(entries.iter().map(|&(_, v)| v));
        Ok(names)
    }

    /// A keyword argument's name from a `**` mapping's key: it must be a str.
    fn keyword_name(&self, key: Value) -> Result<String, Exception> {
        match key.unpack() {
            V::Obj(h) => self.shared.heap.read_fixed(h, |o| match o {
                Object::Str(s) => Some(s.text.to_string()),
                _ => None,
            })?,
            _ => None,
        }
        .ok_or_else(|| type_error("keywords must be strings"))
    }

    /// How CPython's messages about a call's `*` and `**` arguments name the callee at `at`: by
    /// module and name (`__main__.f()`, `counter.incr()`, `print()`).
    pub(crate) fn callee_label(&self, at: usize) -> String {
        let callee = self.roots.stack[at];
        match callee.unpack() {
            V::Native(f) => {
                let (module, function) = crate::modules::native(f);
                format!("{}.{}()", module.name, function.name)
            }
            V::Builtin(_) => self.callable_name(callee).text,
            _ => match self.function_parts(callee) {
                Ok(Some((f, _))) => format!("__main__.{}()", self.shared.program.code(f).qualname),
                _ => format!("{} object", self.type_name(callee).unwrap_or("object")),
            },
        }
    }

    /// `list iterable` -> `list` extended (`*xs` among a call's arguments).
    pub(crate) fn call_list_extend(&mut self) -> Result<(), Exception> {
        let n = self.roots.stack.len();
        let (list, iterable) = (self.roots.stack[n - 2], self.roots.stack[n - 1]);
        let items = match self.iterate(iterable) {
            Err(e) if e.kind == ErrorKind::TypeError && e.message.ends_with("is not iterable") => {
                let label = self.callee_label(n - 3);
                return Err(type_error(format!(
                    "{label} argument after * must be an iterable, not {}",
                    self.type_name(iterable)?
                )));
            }
            result => result?,
        };
        if let V::Obj(h) = list.unpack() {
            self.shared.heap.write(h, |o| {
                if let Object::List(l) = o {
                    l.extend(items)
                }
            })?;
        }
        self.roots.stack.pop();
        Ok(())
    }

    /// `list value` -> `list` with `value` appended (a call's positional argument).
    pub(crate) fn call_list_append(&mut self) -> Result<(), Exception> {
        let value = self.roots.stack.pop().expect("the compiler balances the stack");
        if let V::Obj(h) = self.top_value().unpack() {
            self.shared.heap.write(h, |o| {
                if let Object::List(l) = o {
                    l.push(value)
                }
            })?;
        }
        Ok(())
    }

    fn top_value(&self) -> Value {
        *self.roots.stack.last().expect("the compiler balances the stack")
    }

    /// `func list dict key value` -> `func list dict`, with the keyword argument added.
    pub(crate) fn call_keyword_add(&mut self) -> Result<(), Exception> {
        let n = self.roots.stack.len();
        let (dict, key, value) = (self.roots.stack[n - 3], self.roots.stack[n - 2], self.roots.stack[n - 1]);
        self.add_keyword(n - 5, dict, key, value)?;
        self.roots.stack.truncate(n - 2);
        Ok(())
    }

    /// `func list dict mapping` -> `func list dict`, with the mapping's items added (`**kw`).
    pub(crate) fn call_keyword_merge(&mut self) -> Result<(), Exception> {
        let n = self.roots.stack.len();
        let (dict, mapping) = (self.roots.stack[n - 2], self.roots.stack[n - 1]);
        let entries = match mapping.unpack() {
            V::Obj(h) if self.shared.heap.kind(h)? == Kind::Dict => self.shared.heap.read(h, |o| match o {
                Object::Dict(d) => d.entries().collect::<Vec<_>>(),
                _ => Vec::new(),
            })?,
            _ => {
                let label = self.callee_label(n - 4);
                return Err(type_error(format!(
                    "{label} argument after ** must be a mapping, not {}",
                    self.type_name(mapping)?
                )));
            }
        };
        for (key, value) in entries {
            self.add_keyword(n - 4, dict, key, value)?;
        }
        self.roots.stack.pop();
        Ok(())
    }

    fn add_keyword(&mut self, callee_at: usize, dict: Value, key: Value, value: Value) -> Result<(), Exception> {
        let name = self.keyword_name(key)?;
        let V::Obj(h) = dict.unpack() else { return Ok(()) };
        if self.dict_lookup(h, key)?.is_some() {
            let label = self.callee_label(callee_at);
            return Err(type_error(format!("{label} got multiple values for keyword argument '{name}'")));
        }
        self.dict_set(h, key, value)
    }

    /// Binds the arguments above `callee_at` (positional, then one value per name in `names`)
    /// to `func`'s parameters, with `defaults` for the ones not given, and enters its frame.
    pub(crate) fn bind_frame(
        &mut self,
        func: FuncId,
        defaults: Option<&[Value]>,
        callee_at: usize,
        names: &[String],
    ) -> Result<(), Exception> {
        let shared = self.shared;
        let code = shared.program.code(func);
        if self.roots.frames.len() >= shared.recursion_limit.load(std::sync::atomic::Ordering::Relaxed) {
            return Err(Exception::new(crate::error::ErrorKind::RecursionError, "maximum recursion depth exceeded"));
        }
        // A closure's cells, from the function object being called.
        let closure: Box<[Value]> = match (code.frees, self.roots.stack[callee_at].handle()) {
            (0, _) | (_, None) => Box::new([]),
            (_, Some(h)) => shared.heap.read_fixed(h, |o| match o {
                Object::Function(f) => f.closure.clone(),
                _ => Box::new([]),
            })?,
        };
        let (n, k) = (code.params as usize, code.kwonly as usize);
        let named = &code.local_names[..n + k];
        let args_at = callee_at + 1;
        let given = self.roots.stack.len() - args_at - names.len();
        let mut slots = vec![Value::UNBOUND; n + k];
        for (slot, &v) in slots.iter_mut().zip(&self.roots.stack[args_at..args_at + given.min(n)]) {
            *slot = v;
        }
        // `*args` and `**kwargs` are allocated while the arguments are still on the stack.
        let varargs = if code.varargs {
            let extra = self.roots.stack[args_at + given.min(n)..args_at + given].to_vec();
            Some(self.new_tuple(extra)?)
        } else {
            None
        };
        let varkw = if code.varkw { Some(self.alloc(Object::Dict(Box::new(Dict::new())))?) } else { None };
        // Rooted above the arguments while keywords go into it.
        self.roots.stack.extend(varargs.iter().chain(&varkw));
        for (i, name) in names.iter().enumerate() {
            let value = self.roots.stack[args_at + given + i];
            match named.iter().position(|p| p == name) {
                Some(p) if slots[p] != Value::UNBOUND => {
                    return Err(type_error(format!("{}() got multiple values for argument '{name}'", code.qualname)));
                }
                Some(p) => slots[p] = value,
                None => match varkw.and_then(|d| d.handle()) {
                    Some(dict) => {
                        let key = self.new_str(name.as_str())?;
                        self.dict_set(dict, key, value)?;
                    }
                    None => {
                        return Err(type_error(format!(
                            "{}() got an unexpected keyword argument '{name}'",
                            code.qualname
                        )))
                    }
                },
            }
        }
        if given > n && !code.varargs {
            let required = (0..n).filter(|&i| !defaults.is_some_and(|d| d[i] != Value::UNBOUND)).count();
            let takes = if required < n {
                format!("from {required} to {n} positional arguments")
            } else {
                plural(n, "positional argument")
            };
            let keyword_only = slots[n..].iter().filter(|&&v| v != Value::UNBOUND).count();
            let given_text = if keyword_only > 0 {
                format!(
                    "{} (and {}) were given",
                    plural(given, "positional argument"),
                    plural(keyword_only, "keyword-only argument")
                )
            } else {
                format!("{given} {} given", if given == 1 { "was" } else { "were" })
            };
            return Err(type_error(format!("{}() takes {takes} but {given_text}", code.qualname)));
        }
        if let Some(defaults) = defaults {
            for (slot, &default) in slots.iter_mut().zip(defaults.iter()) {
                if *slot == Value::UNBOUND {
                    *slot = default;
                }
            }
        }
        for (range, what) in [(0..n, "positional"), (n..n + k, "keyword-only")] {
            let missing: Vec<&str> = range.filter(|&i| slots[i] == Value::UNBOUND).map(|i| named[i].as_str()).collect();
            if !missing.is_empty() {
                let arguments = if missing.len() == 1 { "argument" } else { "arguments" };
                return Err(type_error(format!(
                    "{}() missing {} required {what} {arguments}: {}",
                    code.qualname,
                    missing.len(),
                    name_list(&missing)
                )));
            }
        }
        let stack = &mut self.roots.stack;
        stack.truncate(args_at);
        stack.extend(slots);
        stack.extend(varargs.iter().chain(&varkw));
        let bound = stack.len() - args_at;
        stack.resize(args_at + code.local_names.len().max(bound), Value::UNBOUND);
        let first_free = args_at + code.local_names.len() - closure.len();
        stack[first_free..first_free + closure.len()].copy_from_slice(&closure);
        self.roots.frames.push(Frame { func, ip: 0, base: args_at as u32, init: false });
        Ok(())
    }
}
