//! What Python does with a value that needs only the heap: its type name, `str` and `repr`, its
//! truth, `==`, and hashing a dict key.
//!
//! Plain functions, with no [`Platform`](crate::platform::Platform) and no running thread: they
//! read the heap (and, to name functions, the program), so they can be tested over a [`Heap`]
//! built directly. The interpreter calls them through thin wrappers (`Interp::repr_of`, ...) that
//! pass its own [`Context`].

pub(crate) mod bigint;
mod eq;
pub(crate) mod float;
pub(crate) mod format;
mod repr;
#[cfg(test)]
mod tests;

pub(crate) use eq::{as_int, dict_lookup, equal, hash_key, key_eq, python_hash, range_len, truthy, with_key};
pub(crate) use float::{as_float, float_repr, is_float};
pub(crate) use repr::{repr_of, repr_str, str_of, type_name};

/// `ascii()` of a repr: every character outside ASCII escaped as `\xhh`, `\uhhhh` or
/// `\Uhhhhhhhh`.
pub(crate) fn ascii(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c as u32 {
            0..=0x7f => out.push(c),
            n @ 0x80..=0xff => out.push_str(&format!("\\x{n:02x}")),
            n @ 0x100..=0xffff => out.push_str(&format!("\\u{n:04x}")),
            n => out.push_str(&format!("\\U{n:08x}")),
        }
    }
    out
}

use crate::bytecode::Program;
use crate::heap::Heap;

/// What the operations that follow values into containers read: the heap, the program (for
/// function names) and how deep containers may nest before a RecursionError.
#[derive(Clone, Copy)]
pub(crate) struct Context<'a> {
    pub heap: &'a Heap,
    pub program: &'a Program,
    /// The deepest container nesting followed before RecursionError (the thread's native limit).
    pub nesting_limit: usize,
    /// The running thread, to call the special methods of objects whose class the program
    /// made (`__repr__`, `__eq__`); without it such objects show and compare as `object` does.
    pub specials: Option<&'a std::cell::RefCell<dyn Specials + 'a>>,
}

/// The special methods of classes the program made, which only a running thread can call.
pub(crate) trait Specials {
    /// `str(v)` (`as_str`) or `repr(v)`, if `v`'s class defines `__str__` or `__repr__`.
    fn text(&mut self, v: crate::value::Value, as_str: bool) -> Result<Option<String>, crate::error::Exception>;
    /// `a == b`, if `a`'s or `b`'s class defines `__eq__`.
    fn eq(&mut self, a: crate::value::Value, b: crate::value::Value) -> Result<Option<bool>, crate::error::Exception>;
}

impl<'a> Context<'a> {
    /// Whether `h` is an instance, or an exception, of a class the program made.
    pub(crate) fn has_class(&self, h: crate::heap::Handle) -> Result<bool, crate::error::Exception> {
        Ok(match self.heap.kind(h)? {
            crate::heap::Kind::Instance | crate::heap::Kind::Local => true,
            crate::heap::Kind::Exception => self.heap.read_fixed(h, Object::class)?.is_some(),
            _ => false,
        })
    }

    /// The name and qualified name of the class of an instance, or of an exception, of a class
    /// the program made.
    pub(crate) fn class_name(&self, h: crate::heap::Handle) -> Option<(&'static str, &'static str)> {
        let class = self.heap.read_fixed(h, Object::class).ok().flatten()?;
        self.heap
            .read_fixed(class, |o| if let Object::Class(c) = o { Some((c.name, c.qualname)) } else { None })
            .ok()
            .flatten()
    }
}

use crate::heap::Object;
