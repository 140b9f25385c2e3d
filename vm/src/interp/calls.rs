//! Calls: VM functions and built-in functions (methods live in `methods`).

use super::threads::spawn_thread;
use super::Interp;
use crate::ast::CmpOp;
use crate::builtins::Builtin;
use crate::error::{type_error, value_error, ErrorKind, Exception};
use crate::heap::{Kind, LockObject, Object, WrapperKind};
use crate::platform::Platform;
use crate::thread_state::Frame;
use crate::trace::EventKind;
use crate::value::{Value, V};
use crate::value_ops::as_int;
use std::cmp::Ordering;

/// CPython's wording for a missing-arguments error: `'a'`, `'a' and 'b'`, `'a', 'b', and 'c'`.
pub(super) fn name_list(names: &[impl AsRef<str>]) -> String {
    let names: Vec<&str> = names.iter().map(AsRef::as_ref).collect();
    let quoted: Vec<String> = names.iter().map(|n| format!("'{n}'")).collect();
    match quoted.len() {
        0 => String::new(),
        1 => quoted[0].clone(),
        2 => format!("{} and {}", quoted[0], quoted[1]),
        n => format!("{}, and {}", quoted[..n - 1].join(", "), quoted[n - 1]),
    }
}

pub(super) fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("{n} {word}")
    } else {
        format!("{n} {word}s")
    }
}

/// CPython's message for calling a function `name(params)` with `given` positional arguments.
pub(crate) fn arity_message(name: &str, params: &[String], given: usize) -> Exception {
    if given > params.len() {
        let was = if given == 1 { "was" } else { "were" };
        type_error(format!("{name}() takes {} but {given} {was} given", plural(params.len(), "positional argument")))
    } else {
        let missing = &params[given..];
        type_error(format!(
            "{name}() missing {} {}: {}",
            missing.len(),
            if missing.len() == 1 { "required positional argument" } else { "required positional arguments" },
            name_list(missing)
        ))
    }
}

/// Checks a builtin's argument count, with CPython's message on a mismatch.
pub(crate) fn arity(name: &str, args: &[Value], min: usize, max: usize) -> Result<(), Exception> {
    let n = args.len();
    if (min..=max).contains(&n) {
        return Ok(());
    }
    Err(type_error(if min == max && min == 1 {
        format!("{name}() takes exactly one argument ({n} given)")
    } else if min == max && min == 0 {
        format!("{name}() takes no arguments ({n} given)")
    } else if n < min {
        format!("{name} expected at least {min} argument{}, got {n}", if min == 1 { "" } else { "s" })
    } else {
        format!("{name} expected at most {max} argument{}, got {n}", if max == 1 { "" } else { "s" })
    }))
}

impl<P: Platform> Interp<'_, P> {
    /// Calls the value under the top `argc` stack values with them as arguments.
    ///
    /// For a VM function this pushes a frame and returns `None` (the dispatch loop continues in
    /// it); for a builtin it returns the result, with the callee and arguments popped.
    pub(crate) fn call_value(&mut self, argc: u32) -> Result<Option<Value>, Exception> {
        let n = self.roots.stack.len();
        let callee_at = n - argc as usize - 1;
        match self.roots.stack[callee_at].unpack() {
            V::Func(func) => self.push_frame(func, argc).map(|()| None),
            // `len(x)`, the most frequent builtin call, goes straight to the object.
            V::Builtin(id) if argc == 1 && Builtin::from_id(id) == Builtin::Len => {
                let result = self.len_of(self.roots.stack[callee_at + 1])?;
                self.roots.stack.truncate(callee_at);
                Ok(Some(result))
            }
            V::Builtin(id) => {
                let args = Args::copy(&self.roots.stack[callee_at + 1..]);
                let result = self.call_builtin(Builtin::from_id(id), &args)?;
                self.roots.stack.truncate(callee_at);
                Ok(Some(result))
            }
            V::Native(f) => {
                let result = self.call_native(f, argc as usize)?;
                Ok(Some(result))
            }
            V::Obj(_) if self.is_callable(self.roots.stack[callee_at])? => self.call_with_keywords(callee_at, &[]),
            _ => {
                let callee = self.roots.stack[callee_at];
                Err(type_error(format!("'{}' object is not callable", self.type_name(callee)?)))
            }
        }
    }

    /// Enters VM function `func`, which is on the stack under its `argc` arguments: pushes its
    /// frame, with its other locals unbound. The dispatch loop's path for every Python call.
    #[inline]
    pub(crate) fn push_frame(&mut self, func: crate::bytecode::FuncId, argc: u32) -> Result<(), Exception> {
        let code = self.shared.program.code(func);
        if argc != code.plain_arity {
            let callee_at = self.roots.stack.len() - argc as usize - 1;
            return self.bind_frame(func, None, callee_at, &[]);
        }
        if self.roots.frames.len() >= self.shared.recursion_limit.load(std::sync::atomic::Ordering::Relaxed) {
            return Err(Exception::new(ErrorKind::RecursionError, "maximum recursion depth exceeded"));
        }
        let extra = code.local_names.len() - code.params as usize;
        let stack = &mut self.roots.stack;
        let base = stack.len() as u32 - argc;
        stack.resize(stack.len() + extra, Value::UNBOUND);
        self.roots.frames.push(Frame { func, ip: 0, base, init: false });
        Ok(())
    }

    /// Calls `f(*args)` from native code (an extension's callback into core code, a special
    /// method such as `__repr__` that an operation runs) and returns its result.
    pub(crate) fn call_from_native(&mut self, f: Value, args: &[Value]) -> Result<Value, Exception> {
        self.call_from_native_keywords(f, args, &[], &[])
    }

    /// `f(*args, **dict(zip(names, values)))` from native code, as [`Interp::call_from_native`].
    pub(crate) fn call_from_native_keywords(
        &mut self,
        f: Value,
        args: &[Value],
        names: &[String],
        values: &[Value],
    ) -> Result<Value, Exception> {
        let limit = P::max_callback_nesting(self.slot.number == 0);
        if self.callbacks >= limit {
            return Err(Exception::new(
                ErrorKind::RecursionError,
                format!(
                    "maximum recursion depth exceeded: calls from native code (extension callbacks, special \
                     methods such as __repr__) nest at most {limit} deep"
                ),
            ));
        }
        let depth = self.roots.frames.len();
        let (height, handling) = (self.roots.stack.len(), self.roots.handling.len());
        self.roots.stack.push(f);
        self.roots.stack.extend_from_slice(args);
        self.roots.stack.extend_from_slice(values);
        self.callbacks += 1;
        let called = match names {
            [] => self.call_value(args.len() as u32),
            _ => self.call_with_keywords(height, names),
        };
        let result = match called {
            Ok(Some(v)) => Ok(v),
            Ok(None) => self.execute(depth),
            Err(e) => Err(e),
        };
        self.callbacks -= 1;
        result.map_err(|mut e| {
            // The caller may handle the error (a `__next__`'s StopIteration ends a loop): the
            // frames it came through go, and what they showed is kept for its traceback.
            if e.kind.is_catchable() && depth > 0 {
                let origin = self.origin(&mut e, depth - 1);
                e.origin = Some(origin);
                let roots = &mut *self.roots;
                roots.frames.truncate(depth);
                roots.stack.truncate(height);
                roots.handling.truncate(handling);
                while roots.blocks.last().is_some_and(|b| b.frames as usize > depth) {
                    roots.blocks.pop();
                }
            }
            e
        })
    }

    /// A builtin called with keyword arguments: `print(sep=, end=, flush=)`; the others take none.
    pub(crate) fn call_builtin_keywords(
        &mut self,
        builtin: Builtin,
        args: &[Value],
        keywords: &[(&str, Value)],
    ) -> Result<Value, Exception> {
        match builtin {
            Builtin::Print => {}
            Builtin::Sorted => {
                arity("sorted", args, 1, 1)?;
                let (key, reverse) = self.sort_keywords("sort", keywords)?;
                let items = self.iterate(args[0])?;
                let sorted = self.sort_values(items, key, reverse)?;
                return self.new_list(sorted);
            }
            Builtin::Enumerate => {
                let [("start", start)] = keywords else {
                    let name = keywords.iter().map(|(k, _)| *k).find(|&k| k != "start").unwrap_or("start");
                    return Err(type_error(format!("'{name}' is an invalid keyword argument for enumerate()")));
                };
                let mut all = args.to_vec();
                all.push(*start);
                return self.call_iterator_builtin(Builtin::Enumerate, &all);
            }
            Builtin::Math(crate::builtins::MathFn::Isclose) => return self.isclose_keywords(args, keywords),
            Builtin::TypeMethod(t) => {
                let keywords: Vec<(String, Value)> = keywords.iter().map(|&(k, v)| (k.to_string(), v)).collect();
                return self.call_type_method(t, args, &keywords);
            }
            Builtin::Int => {
                let [("base", base)] = keywords else {
                    let name = keywords.iter().map(|(k, _)| *k).find(|&k| k != "base").unwrap_or("base");
                    return Err(type_error(format!("'{name}' is an invalid keyword argument for int()")));
                };
                if args.len() != 1 {
                    return Err(type_error(if args.is_empty() {
                        "int() missing string argument".to_string()
                    } else {
                        "argument for int() given by name ('base') and position (2)".to_string()
                    }));
                }
                return self.call_builtin(Builtin::Int, &[args[0], *base]);
            }
            // `dict(mapping_or_pairs, **kw)`: the keywords are set after the positional items.
            Builtin::Dict => {
                let made = self.call_builtin(Builtin::Dict, args)?;
                if let Some(h) = made.handle() {
                    for &(name, value) in keywords {
                        let key = self.new_str(name)?;
                        self.dict_set(h, key, value)?;
                    }
                }
                return Ok(made);
            }
            _ => return Err(type_error(format!("{}() takes no keyword arguments", builtin.name()))),
        }
        let (mut sep, mut end) = (" ".to_string(), "\n".to_string());
        for &(name, value) in keywords {
            match name {
                "sep" | "end" => {
                    let text = match value.unpack() {
                        V::None => None,
                        _ => match self.str_text(value)? {
                            Some(text) => Some(text),
                            None => {
                                return Err(type_error(format!(
                                    "{name} must be None or a string, not {}",
                                    self.type_name(value)?
                                )))
                            }
                        },
                    };
                    if let Some(text) = text {
                        *(if name == "sep" { &mut sep } else { &mut end }) = text;
                    }
                }
                // Output is written whole at every print: there is nothing left to flush.
                "flush" => {}
                "file" if value == Value::NONE => {}
                "file" => return Err(type_error("print(file=...) is not supported: print writes to standard output")),
                _ => return Err(type_error(format!("'{name}' is an invalid keyword argument for print()"))),
            }
        }
        self.print(args, &sep, &end)
    }

    /// `print(*args, sep=sep, end=end)`.
    fn print(&mut self, args: &[Value], sep: &str, end: &str) -> Result<Value, Exception> {
        let mut line = String::new();
        for (i, &arg) in args.iter().enumerate() {
            if i > 0 {
                line.push_str(sep);
            }
            line.push_str(&self.str_of(arg)?);
        }
        self.core_step();
        self.trace(|| EventKind::Print { text: line.clone() });
        line.push_str(end);
        self.shared.output.write(&line);
        Ok(Value::NONE)
    }

    fn call_builtin(&mut self, builtin: Builtin, args: &[Value]) -> Result<Value, Exception> {
        match builtin {
            Builtin::Print => self.print(args, " ", "\n"),
            Builtin::Len => {
                arity("len", args, 1, 1)?;
                self.len_of(args[0])
            }
            Builtin::Range => {
                arity("range", args, 1, 3)?;
                let mut ints = Vec::with_capacity(3);
                for &a in args {
                    ints.push(match a.unpack() {
                        V::Int(i) => i,
                        V::Bool(b) => b as i64,
                        _ if self.is_big_int(a) => {
                            return Err(Exception::new(
                                ErrorKind::OverflowError,
                                "Python int too large to convert to C ssize_t",
                            ))
                        }
                        _ => {
                            return Err(type_error(format!(
                                "'{}' object cannot be interpreted as an integer",
                                self.type_name(a)?
                            )))
                        }
                    });
                }
                let (start, stop, step) = match ints[..] {
                    [stop] => (0, stop, 1),
                    [start, stop] => (start, stop, 1),
                    [start, stop, step] => (start, stop, step),
                    _ => unreachable!("arity checked"),
                };
                if step == 0 {
                    return Err(value_error("range() arg 3 must not be zero"));
                }
                self.alloc(Object::Range { start, stop, step })
            }
            Builtin::Str => {
                arity("str", args, 0, 1)?;
                match args.first().map(|&v| (v, v.unpack())) {
                    None => self.new_str(""),
                    // An int's text is written where it will live (compact_str formats integers
                    // in place: short ones need no buffer of their own).
                    Some((_, V::Int(i))) => self.new_str(compact_str::ToCompactString::to_compact_string(&i)),
                    Some((v, _)) if self.is_str(v)? => Ok(v),
                    Some((v, _)) => {
                        let text = self.str_of(v)?;
                        self.new_str(text)
                    }
                }
            }
            Builtin::Float => {
                arity("float", args, 0, 1)?;
                match args.first().map(|&v| (v, v.unpack())) {
                    None => Ok(Value::float(0.0)),
                    Some((v, V::Float(_))) => Ok(v),
                    Some((v, V::Int(_) | V::Bool(_))) => Ok(Value::float(crate::value_ops::as_float(v).unwrap_or(0.0))),
                    Some((v, _)) if self.is_big_int(v) => Ok(Value::float(self.float_value(v)?.unwrap_or(0.0))),
                    Some((v, _)) => match self.str_text(v)? {
                        Some(text) => crate::value_ops::float::parse_float(&text).map(Value::float),
                        None if self.is_instance_object(v) && self.call_special_exists(v, "__float__")? => {
                            self.converted(v, "__float__", "float")
                        }
                        None if self.is_instance_object(v) && self.call_special_exists(v, "__index__")? => {
                            let i = self.converted(v, "__index__", "int")?;
                            self.call_builtin(Builtin::Float, &[i])
                        }
                        None => Err(type_error(format!(
                            "float() argument must be a string or a real number, not '{}'",
                            self.type_name(v)?
                        ))),
                    },
                }
            }
            Builtin::Round => {
                arity("round", args, 1, 2)?;
                let ndigits = match args.get(1).map(|v| v.unpack()) {
                    None | Some(V::None) => None,
                    Some(_) => Some(as_int(args[1]).ok_or_else(|| {
                        type_error(format!(
                            "'{}' object cannot be interpreted as an integer",
                            self.type_name(args[1]).unwrap_or("object")
                        ))
                    })?),
                };
                match (args[0].unpack(), ndigits) {
                    (V::Float(f), None) => self.int_from_float(f.round_ties_even()),
                    (V::Float(f), Some(n)) => Ok(Value::float(crate::value_ops::float::round_float(f, n))),
                    _ => match self.int_value(args[0])? {
                        Some(i) => self.round_int(i, ndigits),
                        None => Err(type_error(format!(
                            "type {} doesn't define __round__ method",
                            self.type_name(args[0])?
                        ))),
                    },
                }
            }
            Builtin::Pow => {
                arity("pow", args, 2, 3)?;
                if let Some(&m) = args.get(2).filter(|m| !matches!(m.unpack(), V::None)) {
                    let (Some(b), Some(e), Some(m)) =
                        (self.int_value(args[0])?, self.int_value(args[1])?, self.int_value(m)?)
                    else {
                        return Err(type_error("pow() 3rd argument not allowed unless all arguments are integers"));
                    };
                    return self.modular_pow(b, e, m);
                }
                self.binary(crate::ast::BinOp::Pow, args[0], args[1])
            }
            Builtin::Hash => {
                arity("hash", args, 1, 1)?;
                if self.is_instance_object(args[0]) {
                    if let Some(h) = self.call_special(args[0], "__hash__", &[])? {
                        return Ok(h);
                    }
                }
                crate::value_ops::python_hash(self.values(), args[0]).map(Value::int)
            }
            Builtin::Ord => {
                arity("ord", args, 1, 1)?;
                let Some(text) = self.str_text(args[0])? else {
                    return Err(type_error(format!(
                        "ord() expected string of length 1, but {} found",
                        self.type_name(args[0])?
                    )));
                };
                let mut chars = text.chars();
                match (chars.next(), chars.next()) {
                    (Some(c), None) => Ok(Value::int(c as i64)),
                    _ => Err(type_error(format!(
                        "ord() expected a character, but string of length {} found",
                        text.chars().count()
                    ))),
                }
            }
            Builtin::Chr => {
                arity("chr", args, 1, 1)?;
                let Some(i) = as_int(args[0]) else {
                    return Err(type_error(format!(
                        "'{}' object cannot be interpreted as an integer",
                        self.type_name(args[0])?
                    )));
                };
                match u32::try_from(i).ok().filter(|&i| i < 0x110000) {
                    // A lone surrogate is a str in CPython but no Rust char: refused by name.
                    Some(code) => match char::from_u32(code) {
                        Some(c) => self.char_str(c),
                        None => {
                            Err(value_error("emlab strs cannot hold a lone surrogate (chr(0xD800) to chr(0xDFFF))"))
                        }
                    },
                    None => Err(value_error("chr() arg not in range(0x110000)")),
                }
            }
            Builtin::Set | Builtin::FrozenSet => self.set_builtin(builtin == Builtin::FrozenSet, args),
            Builtin::Slice => {
                arity("slice", args, 1, 3)?;
                match *args {
                    [stop] => self.new_slice(Value::NONE, stop, Value::NONE),
                    [start, stop] => self.new_slice(start, stop, Value::NONE),
                    _ => self.new_slice(args[0], args[1], args[2]),
                }
            }
            Builtin::Divmod => {
                arity("divmod", args, 2, 2)?;
                let q = self.binary(crate::ast::BinOp::FloorDiv, args[0], args[1])?;
                let r = self.binary(crate::ast::BinOp::Mod, args[0], args[1])?;
                self.new_tuple(vec![q, r])
            }
            Builtin::Repr => {
                arity("repr", args, 1, 1)?;
                let text = self.repr_of(args[0])?;
                self.new_str(text)
            }
            Builtin::Int => {
                arity("int", args, 0, 2)?;
                if let Some(&base) = args.get(1) {
                    let base = match as_int(base) {
                        Some(b) if b == 0 || (2..=36).contains(&b) => b as u32,
                        Some(_) => return Err(value_error("int() base must be >= 2 and <= 36, or 0")),
                        None if self.is_big_int(base) => {
                            return Err(value_error("int() base must be >= 2 and <= 36, or 0"))
                        }
                        None => {
                            return Err(type_error(format!(
                                "'{}' object cannot be interpreted as an integer",
                                self.type_name(base)?
                            )))
                        }
                    };
                    let Some(text) = self.str_text(args[0])? else {
                        return Err(type_error("int() can't convert non-string with explicit base"));
                    };
                    return self.new_int(parse_int(&text, base)?);
                }
                match args.first().map(|&v| (v, v.unpack())) {
                    None => Ok(Value::int(0)),
                    Some((_, V::Int(i))) => Ok(Value::int(i)),
                    Some((_, V::Bool(b))) => Ok(Value::int(b as i64)),
                    Some((_, V::Float(f))) => self.int_from_float(f),
                    Some((v, _)) if self.is_big_int(v) => Ok(v),
                    Some((v, _)) => match self.str_text(v)? {
                        Some(text) => self.new_int(parse_int(&text, 10)?),
                        None if self.is_instance_object(v) && self.call_special_exists(v, "__int__")? => {
                            self.converted(v, "__int__", "int")
                        }
                        None if self.is_instance_object(v) && self.call_special_exists(v, "__index__")? => {
                            self.converted(v, "__index__", "int")
                        }
                        None => Err(type_error(format!(
                            "int() argument must be a string, a bytes-like object or a real number, not '{}'",
                            self.type_name(v)?
                        ))),
                    },
                }
            }
            Builtin::Abs => {
                arity("abs", args, 1, 1)?;
                match args[0].unpack() {
                    V::Int(i) => match i.checked_abs() {
                        Some(a) => Ok(Value::int(a)),
                        None => self.new_int(num_bigint::BigInt::from(i).magnitude().clone().into()),
                    },
                    _ if self.is_big_int(args[0]) => {
                        let x = self.int_value(args[0])?.unwrap_or_default();
                        self.new_int(num_traits::Signed::abs(&x))
                    }
                    V::Bool(b) => Ok(Value::int(b as i64)),
                    V::Float(f) => Ok(Value::float(f.abs())),
                    _ => match self.call_special(args[0], "__abs__", &[])? {
                        Some(r) => Ok(r),
                        None => Err(type_error(format!("bad operand type for abs(): '{}'", self.type_name(args[0])?))),
                    },
                }
            }
            Builtin::Min | Builtin::Max => {
                let name = if builtin == Builtin::Min { "min" } else { "max" };
                if args.is_empty() {
                    return Err(type_error(format!("{name} expected at least 1 argument, got 0")));
                }
                let candidates = if args.len() == 1 { self.iterate(args[0])? } else { args.to_vec() };
                let Some((&first, rest)) = candidates.split_first() else {
                    return Err(value_error(format!("{name}() arg is an empty sequence")));
                };
                // An `__lt__` of the program's classes may run a collection: the candidates stay
                // rooted meanwhile.
                let base = self.roots.stack.len();
                self.roots.stack.extend_from_slice(&candidates);
                let mut best = Ok(first);
                for &c in rest {
                    let Ok(b) = best else { break };
                    let op = if builtin == Builtin::Min { CmpOp::Lt } else { CmpOp::Gt };
                    best = self.order(op, c, b).map(|o| {
                        let better = if builtin == Builtin::Min { o == Ordering::Less } else { o == Ordering::Greater };
                        if better {
                            c
                        } else {
                            b
                        }
                    });
                }
                self.roots.stack.truncate(base);
                best
            }
            Builtin::Sum => {
                arity("sum", args, 1, 2)?;
                let mut total = args.get(1).copied().unwrap_or(Value::int(0));
                let mut items = self.items(args[0])?;
                while let Some(item) = items.next(self)? {
                    total = match (total.unpack(), item.unpack()) {
                        (V::Int(a), V::Int(b)) => match super::ops::int_binary(crate::ast::BinOp::Add, a, b) {
                            Some(r) => r?,
                            None => self.binary(crate::ast::BinOp::Add, total, item)?,
                        },
                        _ => self.binary(crate::ast::BinOp::Add, total, item)?,
                    };
                }
                Ok(total)
            }
            Builtin::List => {
                arity("list", args, 0, 1)?;
                let items = match args.first() {
                    Some(&v) => self.iterate(v)?,
                    None => Vec::new(),
                };
                self.new_list(items)
            }
            Builtin::Spawn => {
                let Some((&func, rest)) = args.split_first() else {
                    return Err(type_error("spawn() missing required argument 'f'"));
                };
                if !self.is_callable(func)? {
                    return Err(type_error(format!("'{}' object is not callable", self.type_name(func)?)));
                }
                let thread = spawn_thread(self.shared, func, rest, Vec::new())?;
                self.trace(|| {
                    let number = self.shared.heap.read(thread, |o| match o {
                        Object::Thread(t) => t.number,
                        _ => 0,
                    });
                    EventKind::Spawn { thread: number.unwrap_or(0), entry: self.callable_name(func) }
                });
                Ok(Value::obj(thread))
            }
            Builtin::Join => {
                arity("join", args, 1, 1)?;
                let thread = match args[0].unpack() {
                    V::Obj(h) if self.shared.heap.kind(h)? == Kind::Thread => h,
                    _ => {
                        return Err(type_error(format!(
                            "join() argument must be a thread, not '{}'",
                            self.type_name(args[0])?
                        )))
                    }
                };
                self.join_thread(thread)
            }
            Builtin::Lock => {
                arity("Lock", args, 0, 0)?;
                self.alloc(Object::Lock(LockObject::default()))
            }
            Builtin::Format => {
                arity("format", args, 1, 2)?;
                let spec = match args.get(1) {
                    None => String::new(),
                    Some(&s) => match self.str_text(s)? {
                        Some(text) => text,
                        None => {
                            return Err(type_error(format!(
                                "format() argument 2 must be str, not {}",
                                self.type_name(s)?
                            )))
                        }
                    },
                };
                let text = self.format_value(args[0], &spec)?;
                self.new_str(text)
            }
            Builtin::Error(kind) => {
                let args = args.to_vec().into_boxed_slice();
                self.alloc(Object::Exception(Box::new(crate::heap::ExceptionObject::new(kind, args, None))))
            }
            // (`Builtin::of_native_module`, written out so that the match stays exhaustive.)
            Builtin::StartNewThread
            | Builtin::StartDaemonThread
            | Builtin::GetIdent
            | Builtin::ThreadExit
            | Builtin::StackSize
            | Builtin::SetCurrent
            | Builtin::GetCurrent
            | Builtin::EnumerateThreads
            | Builtin::CountThreads
            | Builtin::Sleep
            | Builtin::Clock(_)
            | Builtin::SysWrite
            | Builtin::SysArgv
            | Builtin::GetSwitchInterval
            | Builtin::SetSwitchInterval
            | Builtin::GetRecursionLimit
            | Builtin::RenamedFunction
            | Builtin::ClassNames
            | Builtin::SetRecursionLimit
            | Builtin::RandomNew
            | Builtin::RandomSeed
            | Builtin::RandomRandom
            | Builtin::RandomGetrandbits
            | Builtin::RandomRandbelow => self.call_thread_builtin(builtin, args),
            Builtin::Math(f) => self.call_math(f, args),
            Builtin::TypeMethod(t) => self.call_type_method(t, args, &[]),
            Builtin::GcCollect => {
                arity("collect", args, 0, 0)?;
                let freed = self.collect(false);
                Ok(Value::int(freed as i64))
            }
            Builtin::Object => {
                if !args.is_empty() {
                    return Err(type_error("object() takes no arguments"));
                }
                self.alloc(Object::Bare)
            }
            Builtin::Bin | Builtin::Oct | Builtin::Hex => {
                let (name, spec) = match builtin {
                    Builtin::Bin => ("bin", "#b"),
                    Builtin::Oct => ("oct", "#o"),
                    _ => ("hex", "#x"),
                };
                arity(name, args, 1, 1)?;
                let v = self.index_value(args[0])?;
                let text = self.format_value(v, spec)?;
                self.new_str(text)
            }
            Builtin::Id => {
                arity("id", args, 1, 1)?;
                Ok(Value::int(match args[0].handle() {
                    // Like CPython's addresses: large, 16 apart.
                    Some(h) => 0x7f00_0000_0000 + 16 * i64::from(h.number()),
                    None => args[0].identity(),
                }))
            }
            Builtin::Delattr => {
                arity("delattr", args, 2, 2)?;
                let Some(name) = self.str_text(args[1])? else {
                    return Err(type_error(format!(
                        "attribute name must be string, not '{}'",
                        self.type_name(args[1])?
                    )));
                };
                self.del_attr(args[0], &name, args[1])?;
                Ok(Value::NONE)
            }
            Builtin::Ascii => {
                arity("ascii", args, 1, 1)?;
                let text = self.repr_of(args[0])?;
                let out = crate::value_ops::ascii(&text);
                self.new_str(out)
            }
            Builtin::Exit => {
                arity("exit", args, 0, 1)?;
                let args = args.to_vec().into_boxed_slice();
                let e = crate::heap::ExceptionObject::new(ErrorKind::SystemExit, args, None);
                let exc = self.alloc(Object::Exception(Box::new(e)))?;
                Err(self.raising(exc, ErrorKind::SystemExit, None))
            }
            // `threading.local` is a class derived from it, which makes the objects.
            Builtin::ThreadLocal => Err(type_error("emlab makes thread-local objects with threading.local()")),
            Builtin::NoneType => match args {
                [] => Ok(Value::NONE),
                _ => Err(type_error("NoneType takes no arguments")),
            },
            Builtin::Type => match args {
                [v] => self.type_of(*v),
                [_, _, _] => Err(type_error("emlab does not support type(name, bases, dict); use a class statement")),
                _ => Err(type_error("type() takes 1 or 3 arguments")),
            },
            Builtin::Tuple => {
                arity("tuple", args, 0, 1)?;
                let items = match args.first() {
                    Some(&v) => self.iterate(v)?,
                    None => Vec::new(),
                };
                self.new_tuple(items)
            }
            Builtin::Dict => {
                arity("dict", args, 0, 1)?;
                let dict = self.alloc(Object::Dict(Box::default()))?;
                if let Some(&source) = args.first() {
                    self.push(dict);
                    let filled = self.fill_dict(dict, source);
                    self.pop();
                    filled?;
                }
                Ok(dict)
            }
            Builtin::Bool => {
                arity("bool", args, 0, 1)?;
                match args.first() {
                    Some(&v) => Ok(Value::bool(self.truthy(v)?)),
                    None => Ok(Value::FALSE),
                }
            }
            Builtin::Isinstance | Builtin::Issubclass => {
                let name = builtin.name();
                if args.len() != 2 {
                    return Err(type_error(format!("{name} expected 2 arguments, got {}", args.len())));
                }
                let classes = match args[1].unpack() {
                    V::Obj(h) if self.shared.heap.kind(h)? == Kind::Tuple => self.iterate(args[1])?,
                    _ => vec![args[1]],
                };
                for class in classes {
                    let matched = if builtin == Builtin::Isinstance {
                        self.is_instance(args[0], class)?
                    } else {
                        self.is_subclass(args[0], class)?
                    };
                    if matched {
                        return Ok(Value::TRUE);
                    }
                }
                Ok(Value::FALSE)
            }
            Builtin::Getattr | Builtin::Hasattr => {
                let name = builtin.name();
                let (min, max) = if builtin == Builtin::Getattr { (2, 3) } else { (2, 2) };
                arity(name, args, min, max)?;
                let Some(attribute) = self.str_text(args[1])? else {
                    return Err(type_error(format!(
                        "attribute name must be string, not '{}'",
                        self.type_name(args[1])?
                    )));
                };
                match self.get_attr(args[0], &attribute) {
                    Ok(v) if builtin == Builtin::Getattr => Ok(v),
                    Ok(_) => Ok(Value::TRUE),
                    Err(e) if e.kind == ErrorKind::AttributeError => match args.get(2) {
                        Some(&default) => Ok(default),
                        None if builtin == Builtin::Hasattr => Ok(Value::FALSE),
                        None => Err(e),
                    },
                    Err(e) => Err(e),
                }
            }
            Builtin::Setattr => {
                arity("setattr", args, 3, 3)?;
                let Some(attribute) = self.str_text(args[1])? else {
                    return Err(type_error(format!(
                        "attribute name must be string, not '{}'",
                        self.type_name(args[1])?
                    )));
                };
                self.set_attr(args[0], &attribute, args[1], args[2])?;
                Ok(Value::NONE)
            }
            Builtin::Callable => {
                arity("callable", args, 1, 1)?;
                Ok(Value::bool(self.is_callable(args[0])?))
            }
            Builtin::Super => match args {
                [] => self.zero_argument_super(),
                [class, receiver] => match class.handle() {
                    Some(c) if self.shared.heap.kind(c)? == Kind::Class => {
                        self.alloc(Object::Super(Box::new(crate::heap::SuperObject { class: c, receiver: *receiver })))
                    }
                    _ => Err(type_error(format!("super() argument 1 must be a type, not {}", self.type_name(*class)?))),
                },
                _ => Err(type_error("emlab supports super() and super(Class, obj)")),
            },
            Builtin::Property | Builtin::Staticmethod | Builtin::Classmethod => {
                let name = builtin.name();
                let (kind, max) = match builtin {
                    Builtin::Property => (WrapperKind::Property, 2),
                    Builtin::Staticmethod => (WrapperKind::StaticMethod, 1),
                    _ => (WrapperKind::ClassMethod, 1),
                };
                arity(name, args, 1, max)?;
                let setter = args.get(1).copied().unwrap_or(Value::NONE);
                self.alloc(Object::Wrapper(Box::new(crate::heap::WrapperObject { kind, func: args[0], setter })))
            }
            Builtin::NotImplemented => Err(type_error("'NotImplementedType' object is not callable")),
            Builtin::ExceptionInit => {
                // `BaseException.__init__(self, *args)`: the arguments become `args`.
                let Some((&receiver, rest)) = args.split_first() else {
                    return Err(type_error("descriptor '__init__' of 'BaseException' object needs an argument"));
                };
                if let Some(h) = receiver.handle().filter(|&h| self.shared.heap.kind(h).ok() == Some(Kind::Exception)) {
                    let rest: Box<[Value]> = rest.into();
                    self.shared.heap.write(h, |o| {
                        if let Object::Exception(e) = o {
                            e.args = rest;
                        }
                    })?;
                }
                Ok(Value::NONE)
            }
            Builtin::ObjectInit => Ok(Value::NONE),
            Builtin::Enumerate
            | Builtin::Zip
            | Builtin::Map
            | Builtin::Filter
            | Builtin::Sorted
            | Builtin::Reversed
            | Builtin::Any
            | Builtin::All
            | Builtin::Iter
            | Builtin::Next => self.call_iterator_builtin(builtin, args),
            Builtin::PropertySetter => {
                arity("setter", args, 2, 2)?;
                let getter = match args[0].handle() {
                    Some(h) if self.shared.heap.kind(h)? == Kind::Property => {
                        self.shared.heap.read(h, |o| match o {
                            Object::Wrapper(w) => w.func,
                            _ => Value::NONE,
                        })?
                    }
                    _ => return Err(type_error("descriptor 'setter' for 'property' objects needs a property")),
                };
                let property =
                    crate::heap::WrapperObject { kind: WrapperKind::Property, func: getter, setter: args[1] };
                self.alloc(Object::Wrapper(Box::new(property)))
            }
        }
    }

    /// `issubclass(class, of)` for one class `of`.
    fn is_subclass(&self, class: Value, of: Value) -> Result<bool, Exception> {
        if let (Some(c), Some(o)) = (class.handle(), of.handle()) {
            let heap = &self.shared.heap;
            if heap.kind(c)? == Kind::Class && heap.kind(o)? == Kind::Class {
                return self.is_subclass_of(c, o);
            }
        }
        let exception = |v: Value, this: &Self| -> Result<Option<ErrorKind>, Exception> {
            Ok(match v.unpack() {
                V::Builtin(id) => match Builtin::from_id(id) {
                    Builtin::Error(kind) => Some(kind),
                    _ => None,
                },
                V::Obj(h) if this.shared.heap.kind(h)? == Kind::Class => {
                    this.shared.heap.read(h, |o| if let Object::Class(c) = o { c.exception } else { None })?
                }
                _ => None,
            })
        };
        let is_class = |v: Value, this: &Self| -> Result<bool, Exception> {
            Ok(super::classes::builtin_class(v).is_some()
                || v.handle().is_some_and(|h| this.shared.heap.kind(h).ok() == Some(Kind::Class)))
        };
        if !is_class(class, self)? {
            return Err(type_error("issubclass() arg 1 must be a class"));
        }
        if !is_class(of, self)? {
            return Err(type_error("issubclass() arg 2 must be a class, a tuple of classes, or a union"));
        }
        if super::classes::builtin_class(of) == Some(Builtin::Object) {
            return Ok(true);
        }
        Ok(match (exception(class, self)?, super::classes::builtin_class(of)) {
            (Some(k), Some(Builtin::Error(base))) => k.is_a(base),
            _ => class == of,
        })
    }

    /// Fills new dict `dict` from `dict(source)`: a dict's items, or an iterable of pairs.
    fn fill_dict(&mut self, dict: Value, source: Value) -> Result<(), Exception> {
        let Some(d) = dict.handle() else { return Ok(()) };
        let entries = match source.handle() {
            Some(h) if self.shared.heap.kind(h)? == Kind::Dict => self.shared.heap.read(h, |o| match o {
                Object::Dict(d) => Some(d.entries().collect::<Vec<_>>()),
                _ => None,
            })?,
            _ => None,
        };
        if let Some(entries) = entries {
            for (k, v) in entries {
                self.dict_set(d, k, v)?;
            }
            return Ok(());
        }
        let items = self.iterate(source)?;
        // Rooted while the pairs are read (an object of the program's classes runs `__iter__`).
        let base = self.roots.stack.len();
        self.roots.stack.extend_from_slice(&items);
        let filled = self.fill_dict_from_pairs(d, items);
        self.roots.stack.truncate(base);
        filled
    }

    fn fill_dict_from_pairs(&mut self, d: crate::heap::Handle, items: Vec<Value>) -> Result<(), Exception> {
        for (i, item) in items.into_iter().enumerate() {
            let pair = match self.iterate(item) {
                Ok(pair) => pair,
                Err(_) => {
                    return Err(type_error(format!(
                        "cannot convert dictionary update sequence element #{i} to a sequence"
                    )))
                }
            };
            if pair.len() != 2 {
                return Err(value_error(format!(
                    "dictionary update sequence element #{i} has length {}; 2 is required",
                    pair.len()
                )));
            }
            self.dict_set(d, pair[0], pair[1])?;
        }
        Ok(())
    }

    fn is_str(&self, v: Value) -> Result<bool, Exception> {
        Ok(match v.unpack() {
            V::Obj(h) => self.shared.heap.kind(h)? == Kind::Str,
            _ => false,
        })
    }

    /// The text of `v` if it is a str.
    pub(crate) fn str_text(&self, v: Value) -> Result<Option<String>, Exception> {
        Ok(match v.unpack() {
            V::Obj(h) => self.shared.heap.read(h, |o| match o {
                Object::Str(s) => Some(s.text.to_string()),
                _ => None,
            })?,
            _ => None,
        })
    }

    pub(crate) fn len_of(&mut self, v: Value) -> Result<Value, Exception> {
        let len = match v.unpack() {
            V::Obj(h) => {
                let len_of = |o: &Object| match o {
                    Object::Str(s) => Ok(Some(s.text.chars().count())),
                    Object::List(items) => Ok(Some(items.len())),
                    Object::Tuple(items) => Ok(Some(items.len())),
                    Object::Dict(d) => Ok(Some(d.len())),
                    Object::Set(s) => Ok(Some(s.table.len())),
                    Object::Range { start, stop, step } => Ok(Some(super::ops::range_len(*start, *stop, *step))),
                    // A view's length is its dict's: read next, as a read of its own.
                    Object::View { dict, .. } => Err(*dict),
                    _ => Ok(None),
                };
                match self.shared.heap.read_leaf(h, self.reader(), len_of)? {
                    Ok(len) => len,
                    Err(dict) => self.shared.heap.read_leaf(dict, self.reader(), len_of)?.unwrap_or(None),
                }
            }
            _ => None,
        };
        match len {
            // A range can hold more than 2**63 - 1 items; CPython cannot say how many either.
            Some(n) => i64::try_from(n)
                .map(Value::int)
                .map_err(|_| Exception::new(ErrorKind::OverflowError, "Python int too large to convert to C ssize_t")),
            None => self.len_of_instance(v),
        }
    }

    /// `len(v)` of an object of a class the program made: its `__len__`.
    #[cold]
    fn len_of_instance(&mut self, v: Value) -> Result<Value, Exception> {
        if self.is_instance_object(v) {
            if let Some(n) = self.call_special(v, "__len__", &[])? {
                return match n.unpack() {
                    V::Int(i) if i >= 0 => Ok(n),
                    V::Int(_) => Err(value_error("__len__() should return >= 0")),
                    V::Bool(b) => Ok(Value::int(b as i64)),
                    _ => {
                        Err(type_error(format!("'{}' object cannot be interpreted as an integer", self.type_name(n)?)))
                    }
                };
            }
        }
        Err(type_error(format!("object of type '{}' has no len()", self.type_name(v)?)))
    }
}

/// `int(text, base)`: optional whitespace and sign, then digits of `base` (2 to 36; 0 takes the
/// base from a `0x`/`0o`/`0b` prefix, else decimal without leading zeros) with single `_`
/// between them (and after a prefix); any script's decimal digits, as CPython accepts them ('٣'
/// is 3); of any length, up to CPython's 4,300 digits in base 10.
fn parse_int(text: &str, base: u32) -> Result<num_bigint::BigInt, Exception> {
    let invalid =
        || value_error(format!("invalid literal for int() with base {base}: {}", crate::value_ops::repr_str(text)));
    let trimmed = text.trim();
    let (negative, body) = match trimmed.as_bytes().first() {
        Some(b'-') => (true, &trimmed[1..]),
        Some(b'+') => (false, &trimmed[1..]),
        _ => (false, trimmed),
    };
    let lower = body.get(..2).map(str::to_ascii_lowercase);
    let prefixed = |p: &str| lower.as_deref() == Some(p);
    let (radix, digits) = match base {
        0 if prefixed("0x") => (16, &body[2..]),
        0 if prefixed("0o") => (8, &body[2..]),
        0 if prefixed("0b") => (2, &body[2..]),
        16 if prefixed("0x") => (16, &body[2..]),
        8 if prefixed("0o") => (8, &body[2..]),
        2 if prefixed("0b") => (2, &body[2..]),
        0 => (10, body),
        b => (b, body),
    };
    // After a prefix one leading `_` may follow (`0x_ff`); otherwise `_` sits between digits.
    let digits = if digits.len() < body.len() { digits.strip_prefix('_').unwrap_or(digits) } else { digits };
    if digits.is_empty() || digits.starts_with('_') || digits.ends_with('_') || digits.contains("__") {
        return Err(invalid());
    }
    let mut ascii = String::with_capacity(digits.len());
    for c in digits.chars().filter(|&c| c != '_') {
        let d = match crate::unicode::decimal_value(c) {
            Some(d) => d,
            None => c.to_digit(36).filter(|_| c.is_ascii()).ok_or_else(invalid)?,
        };
        if d >= radix {
            return Err(invalid());
        }
        ascii.push(char::from_digit(d, radix).ok_or_else(invalid)?);
    }
    // Base 0 reads decimal as Python source does: no leading zeros (but "0", "00").
    if base == 0 && radix == 10 && ascii.len() > 1 && ascii.starts_with('0') && ascii.bytes().any(|b| b != b'0') {
        return Err(invalid());
    }
    crate::value_ops::bigint::parse(&ascii, radix, negative)
}

/// A call's arguments, copied off the stack (the callee may push and pop while it runs): inline
/// up to four, so that calling `len(x)` or `d.get(k, 0)` allocates nothing.
pub(crate) enum Args {
    Inline([Value; 4], usize),
    Spilled(Vec<Value>),
}

impl Args {
    /// The values copied one by one, each as a whole value: a block copy (`copy_from_slice`)
    /// writes them in other widths than they are read back in, and the read waits.
    #[inline]
    pub(crate) fn copy(values: &[Value]) -> Args {
        const N: Value = Value::NONE;
        match *values {
            [] => Args::Inline([N; 4], 0),
            [a] => Args::Inline([a, N, N, N], 1),
            [a, b] => Args::Inline([a, b, N, N], 2),
            [a, b, c] => Args::Inline([a, b, c, N], 3),
            [a, b, c, d] => Args::Inline([a, b, c, d], 4),
            _ => Args::Spilled(values.to_vec()),
        }
    }
}

impl std::ops::Deref for Args {
    type Target = [Value];
    #[inline]
    fn deref(&self) -> &[Value] {
        match self {
            Args::Inline(values, len) => &values[..*len],
            Args::Spilled(values) => values,
        }
    }
}
