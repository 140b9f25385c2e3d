//! `repr`, `str` and type names, formatted exactly as Python formats them.

use super::Context;
use crate::builtins::Builtin;
use crate::error::{ErrorKind, Exception};
use crate::heap::{Handle, Heap, Object};
use crate::modules;
use crate::value::{Value, V};

/// Python's `repr` of a string: single quotes unless the text has `'` and no `"`.
pub fn repr_str(text: &str) -> String {
    let quote = if text.contains('\'') && !text.contains('"') { '"' } else { '\'' };
    let mut out = String::with_capacity(text.len() + 2);
    out.push(quote);
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            // As Python: what is not printable is escaped, in the shortest of its three forms.
            c if !crate::unicode::is_printable(c) => {
                let code = c as u32;
                if code < 0x100 {
                    out.push_str(&format!("\\x{code:02x}"));
                } else if code < 0x10000 {
                    out.push_str(&format!("\\u{code:04x}"));
                } else {
                    out.push_str(&format!("\\U{code:08x}"));
                }
            }
            c => out.push(c),
        }
    }
    out.push(quote);
    out
}

/// Python's name for the type of `v`.
#[inline]
pub(crate) fn type_name(heap: &Heap, v: Value) -> Result<&'static str, Exception> {
    Ok(match v.unpack() {
        V::None => "NoneType",
        V::Bool(_) => "bool",
        V::Int(_) => "int",
        V::Float(_) => "float",
        V::Func(_) => "function",
        V::Builtin(b) if Builtin::from_id(b).is_class() => "type",
        V::Builtin(_) | V::Native(_) => "builtin_function_or_method",
        V::Module(_) => "module",
        V::Unbound => "unbound",
        V::RangeIter { .. } => crate::heap::Kind::RangeIterator.type_name(),
        V::Obj(h) => match heap.kind(h)? {
            crate::heap::Kind::Exception | crate::heap::Kind::Instance | crate::heap::Kind::Local => {
                match heap.read_fixed(h, |o| (o.class(), o.type_name()))? {
                    (Some(class), _) => {
                        heap.read_fixed(class, |o| if let Object::Class(c) = o { c.name } else { "object" })?
                    }
                    (None, name) => name,
                }
            }
            kind => kind.type_name(),
        },
    })
}

/// `str(v)`.
pub(crate) fn str_of(cx: Context, v: Value) -> Result<String, Exception> {
    enum Str {
        Text(String),
        Args(ErrorKind, Box<[Value]>),
        Repr,
    }
    if let V::Obj(h) = v.unpack() {
        if let Some(specials) = cx.specials {
            if cx.has_class(h)? {
                if let Some(text) = specials.borrow_mut().text(v, true)? {
                    return Ok(text);
                }
            }
        }
        let found = cx.heap.read(h, |o| match o {
            Object::Str(s) => Str::Text(s.text.to_string()),
            // An exception shows its one argument as `str` does, several as a tuple would.
            Object::Exception(e) => match &e.shown {
                Some(text) => Str::Text(text.clone()),
                None => Str::Args(e.kind, e.args.clone()),
            },
            _ => Str::Repr,
        })?;
        match found {
            Str::Text(text) => return Ok(text),
            Str::Args(kind, args) => {
                return match *args {
                    [] => Ok(String::new()),
                    // A KeyError shows its key as a key: `KeyError: 'k'`.
                    [one] if kind == ErrorKind::KeyError => repr_of(cx, one),
                    [one] => str_of(cx, one),
                    _ => {
                        let mut out = String::from("(");
                        for (i, &a) in args.iter().enumerate() {
                            if i > 0 {
                                out.push_str(", ");
                            }
                            out.push_str(&repr_of(cx, a)?);
                        }
                        out.push(')');
                        Ok(out)
                    }
                };
            }
            Str::Repr => {}
        }
    }
    repr_of(cx, v)
}

/// An int's decimal text, written on the stack (`i64::MIN` has 20 characters).
pub(crate) fn int_text(i: i64) -> IntText {
    let mut digits = [0u8; 20];
    let mut at = digits.len();
    let mut n = i.unsigned_abs();
    loop {
        at -= 1;
        digits[at] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    if i < 0 {
        at -= 1;
        digits[at] = b'-';
    }
    IntText { digits, at }
}

/// The text [`int_text`] wrote: ASCII digits, after an optional sign.
pub(crate) struct IntText {
    digits: [u8; 20],
    at: usize,
}

impl std::ops::Deref for IntText {
    type Target = str;
    fn deref(&self) -> &str {
        // Only ASCII digits and '-' are written, so this never fails.
        std::str::from_utf8(&self.digits[self.at..]).unwrap_or_default()
    }
}

/// `repr(v)`.
pub(crate) fn repr_of(cx: Context, v: Value) -> Result<String, Exception> {
    let mut out = String::new();
    let mut active = Vec::new();
    write_repr(cx, v, &mut out, &mut active)?;
    Ok(out)
}

/// Appends `repr(v)`; `active` holds the containers being printed, to print cycles as `[...]`.
fn write_repr(cx: Context, v: Value, out: &mut String, active: &mut Vec<Handle>) -> Result<(), Exception> {
    match v.unpack() {
        V::None => out.push_str("None"),
        V::Bool(true) => out.push_str("True"),
        V::Bool(false) => out.push_str("False"),
        V::Int(i) => out.push_str(&int_text(i)),
        V::Float(f) => out.push_str(&super::float_repr(f)),
        V::Func(f) => out.push_str(&format!("<function {}>", cx.program.code(f).qualname)),
        V::Builtin(b) => match Builtin::from_id(b) {
            Builtin::Error(kind) => out.push_str(&format!("<class '{}'>", kind.name())),
            b if b.is_class() => out.push_str(&format!("<class '{}'>", b.name())),
            Builtin::NotImplemented => out.push_str("NotImplemented"),
            Builtin::TypeMethod(t) => {
                out.push_str(&format!("<method '{}' of '{}' objects>", t.name(), t.class().name()))
            }
            b => out.push_str(&format!("<built-in function {}>", b.name())),
        },
        V::Module(m) => out.push_str(&format!("<module '{}' (built-in)>", modules::name(m))),
        V::Native(f) => out.push_str(&format!("<built-in function {}>", modules::native(f).1.name)),
        V::Unbound => out.push_str("<unbound>"),
        V::RangeIter { .. } => out.push_str("<range_iterator object>"),
        V::Obj(h) => write_object_repr(cx, h, out, active)?,
    }
    Ok(())
}

/// Appends `name(arg, ...)`, each argument's repr: an exception's repr.
fn write_call(
    cx: Context,
    name: &str,
    args: &[Value],
    out: &mut String,
    active: &mut Vec<Handle>,
) -> Result<(), Exception> {
    out.push_str(name);
    out.push('(');
    for (i, &a) in args.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        write_repr(cx, a, out, active)?;
    }
    out.push(')');
    Ok(())
}

fn write_object_repr(cx: Context, h: Handle, out: &mut String, active: &mut Vec<Handle>) -> Result<(), Exception> {
    enum Shape {
        Text(String),
        Seq {
            open: &'static str,
            close: &'static str,
            items: Vec<Value>,
            one_comma: bool,
        },
        Dict(Vec<(Value, Value)>),
        View(&'static str, Handle),
        /// `ValueError('x', 1)`: a class name and its arguments.
        Call(&'static str, Vec<Value>),
        /// An instance (or exception, with its arguments) of a class the program made.
        Instance(Vec<Value>),
        /// A bound method: its receiver and function.
        Bound(Value, Value),
        /// `staticmethod(f)`, `classmethod(f)`.
        Wrapped(&'static str, Value),
        Super(Handle, Value),
        Int(Box<num_bigint::BigInt>),
    }
    let shape = cx.heap.read(h, |o| match o {
        Object::Int(b) => Shape::Int(b.clone()),
        Object::Str(s) => Shape::Text(repr_str(&s.text)),
        Object::List(items) => Shape::Seq { open: "[", close: "]", items: items.clone(), one_comma: false },
        Object::Tuple(items) => Shape::Seq { open: "(", close: ")", items: items.to_vec(), one_comma: true },
        Object::Dict(d) => Shape::Dict(d.entries().collect()),
        Object::Range { start, stop, step } => Shape::Text(if *step == 1 {
            format!("range({start}, {stop})")
        } else {
            format!("range({start}, {stop}, {step})")
        }),
        Object::View { dict, kind } => Shape::View(kind.type_name(), *dict),
        Object::Iter(_) => Shape::Text(format!("<{} object #{}>", o.type_name(), h.number())),
        Object::Lock(l) => {
            Shape::Text(format!("<{} _thread.lock object #{}>", if l.held { "locked" } else { "unlocked" }, h.number()))
        }
        Object::Thread(t) => Shape::Text(format!("<Thread t{} #{}>", t.number, h.number())),
        Object::Function(f) => Shape::Text(match &f.names {
            Some(names) => format!("<function {}>", names.1),
            None => format!("<function {}>", cx.program.code(f.func).qualname),
        }),
        Object::Generator(g) => {
            Shape::Text(format!("<generator object {} #{}>", cx.program.code(g.func).qualname, h.number()))
        }
        Object::Slice(parts) => Shape::Call("slice", parts.to_vec()),
        Object::Random(_) => Shape::Text(format!("<_random.Random object #{}>", h.number())),
        Object::Bare => Shape::Text(format!("<object object #{}>", h.number())),
        Object::Set(set) => match (set.frozen, set.table.is_empty()) {
            (false, true) => Shape::Text("set()".to_string()),
            (true, true) => Shape::Text("frozenset()".to_string()),
            (false, false) => {
                Shape::Seq { open: "{", close: "}", items: set.table.items().collect(), one_comma: false }
            }
            (true, false) => {
                Shape::Seq { open: "frozenset({", close: "})", items: set.table.items().collect(), one_comma: false }
            }
        },
        Object::Exception(e) if e.class.is_some() => Shape::Instance(e.args.to_vec()),
        Object::Exception(e) => match &e.shown {
            // The VM's message for a missing key is the key's repr already.
            Some(shown) if e.kind == ErrorKind::KeyError => Shape::Text(format!("KeyError({shown})")),
            _ => Shape::Call(e.kind.name(), e.args.to_vec()),
        },
        Object::Instance(_) | Object::Local(_) => Shape::Instance(Vec::new()),
        Object::Class(c) => Shape::Text(format!("<class '__main__.{}'>", c.qualname)),
        Object::BoundMethod(m) => Shape::Bound(m.receiver, m.func),
        Object::Wrapper(w) => match w.kind {
            crate::heap::WrapperKind::Property => Shape::Text(format!("<property object #{}>", h.number())),
            crate::heap::WrapperKind::StaticMethod => Shape::Wrapped("staticmethod", w.func),
            crate::heap::WrapperKind::ClassMethod => Shape::Wrapped("classmethod", w.func),
        },
        Object::Super(s) => Shape::Super(s.class, s.receiver),
        Object::Cell(_) => Shape::Text(format!("<cell #{}>", h.number())),
    })?;
    let recursive = active.contains(&h);
    if active.len() > cx.nesting_limit {
        return Err(Exception::new(
            ErrorKind::RecursionError,
            "maximum recursion depth exceeded while getting the repr of an object",
        ));
    }
    match shape {
        Shape::Text(text) => out.push_str(&text),
        Shape::Int(b) => out.push_str(&super::bigint::to_decimal(&b)?),
        Shape::Instance(args) => {
            if let Some(specials) = cx.specials {
                if let Some(text) = specials.borrow_mut().text(Value::obj(h), false)? {
                    out.push_str(&text);
                    return Ok(());
                }
            }
            let (name, qualname) = cx.class_name(h).unwrap_or(("object", "object"));
            match cx.heap.kind(h)? {
                crate::heap::Kind::Exception => write_call(cx, name, &args, out, active)?,
                _ => out.push_str(&format!("<__main__.{qualname} object #{}>", h.number())),
            }
        }
        Shape::Bound(receiver, func) => {
            // A built-in type's method bound to an object (`lst.append`).
            if let V::Builtin(b) = func.unpack() {
                if let (Builtin::TypeMethod(t), Some(object)) = (Builtin::from_id(b), receiver.handle()) {
                    let class = t.class().name();
                    out.push_str(&format!("<built-in method {} of {class} object #{}>", t.name(), object.number()));
                    return Ok(());
                }
            }
            let name = match func.unpack() {
                V::Func(f) => cx.program.code(f).qualname.clone(),
                V::Obj(f) => cx
                    .heap
                    .read_fixed(f, |o| match o {
                        Object::Function(f) => cx.program.code(f.func).qualname.clone(),
                        _ => "?".to_string(),
                    })
                    .unwrap_or_default(),
                _ => "?".to_string(),
            };
            out.push_str(&format!("<bound method {name} of "));
            if active.contains(&h) {
                out.push_str("...");
            } else {
                active.push(h);
                write_repr(cx, receiver, out, active)?;
                active.pop();
            }
            out.push('>');
        }
        Shape::Wrapped(name, func) => {
            out.push_str(&format!("<{name}("));
            write_repr(cx, func, out, active)?;
            out.push_str(")>");
        }
        Shape::Super(class, receiver) => {
            let class_name = cx.heap.read(class, |o| if let Object::Class(c) = o { c.name } else { "?" })?;
            let receiver_type = type_name(cx.heap, receiver)?;
            out.push_str(&format!("<super: <class '{class_name}'>, <{receiver_type} object>>"));
        }
        Shape::Call(name, args) => write_call(cx, name, &args, out, active)?,
        Shape::Seq { open, close, .. } if recursive => {
            out.push_str(open);
            out.push_str("...");
            out.push_str(close);
        }
        Shape::Seq { open, close, items, one_comma } => {
            active.push(h);
            out.push_str(open);
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                write_repr(cx, *item, out, active)?;
            }
            if one_comma && items.len() == 1 {
                out.push(',');
            }
            out.push_str(close);
            active.pop();
        }
        Shape::Dict(_) if recursive => out.push_str("{...}"),
        Shape::Dict(entries) => {
            active.push(h);
            out.push('{');
            for (i, (k, v)) in entries.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                write_repr(cx, *k, out, active)?;
                out.push_str(": ");
                write_repr(cx, *v, out, active)?;
            }
            out.push('}');
            active.pop();
        }
        Shape::View(name, dict) => {
            let entries = cx.heap.read(dict, |o| match o {
                Object::Dict(d) => d.entries().collect::<Vec<_>>(),
                _ => Vec::new(),
            })?;
            active.push(h);
            out.push_str(name);
            out.push_str("([");
            for (i, (k, v)) in entries.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                match name {
                    "dict_keys" => write_repr(cx, *k, out, active)?,
                    "dict_values" => write_repr(cx, *v, out, active)?,
                    _ => {
                        out.push('(');
                        write_repr(cx, *k, out, active)?;
                        out.push_str(", ");
                        write_repr(cx, *v, out, active)?;
                        out.push(')');
                    }
                }
            }
            out.push_str("])");
            active.pop();
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::repr_str;

    #[test]
    fn repr_str_matches_python_quoting() {
        assert_eq!(repr_str("abc"), "'abc'");
        assert_eq!(repr_str("it's"), "\"it's\"");
        assert_eq!(repr_str("say \"hi\""), "'say \"hi\"'");
        assert_eq!(repr_str("both ' and \""), "'both \\' and \"'");
        assert_eq!(repr_str("a\nb\tc\\"), "'a\\nb\\tc\\\\'");
        assert_eq!(repr_str("\x01"), "'\\x01'");
        assert_eq!(repr_str("é"), "'é'");
        assert_eq!(repr_str("\u{a0}\u{200b}\u{e0001}"), "'\\xa0\\u200b\\U000e0001'");
    }
}
