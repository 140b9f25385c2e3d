//! `Value`: the small `Copy` enum every VM register and stack slot holds.

use crate::bytecode::FuncId;
use crate::heap::Handle;

/// A built-in function, identified by a small index (see `builtins`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct BuiltinId(pub u16);

/// An imported module, identified by a small index (see `modules`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ModuleId(pub u16);

/// A function of an extension module: the module and the function's index in it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct NativeFn {
    pub module: ModuleId,
    pub index: u16,
}

/// What a [`Value`] holds: the first of its two words.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[repr(u8)]
enum Tag {
    None,
    Bool,
    Int,
    Obj,
    Func,
    Builtin,
    Module,
    Native,
    Unbound,
    RangeIter,
    Float,
}

/// A VM value. Immediates (None, bools, ints, functions, builtins, modules) live
/// in the value itself; everything else is a [`Handle`] into the heap. Copying a
/// value never touches a reference count: the tracing collector finds what is live.
///
/// Stored as a tag and one payload word, the same shape for every kind, so that a value is
/// always written and read as the same two scalars. (As a Rust enum with payloads of different
/// sizes it was copied as one 16-byte block: reading a value that had just been written as a
/// tag byte and a payload word could not take it from the store buffer, and the processor
/// waited on every such read: the hottest instructions of the dispatch loop.) `match` on
/// [`Value::unpack`]'s [`V`].
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Value {
    tag: Tag,
    /// The payload, zero-extended (so that equal values have equal words).
    bits: u64,
}

impl Value {
    /// What `id()` gives an immediate value (an object's is its number): equal for equal values,
    /// different for values of different kinds (`id(1) != id(1.0)`), never negative.
    pub fn identity(self) -> i64 {
        (((self.tag as u64) << 56) ^ self.bits) as i64 & i64::MAX
    }
}

/// A [`Value`] unpacked, for `match`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum V {
    None,
    Bool(bool),
    Int(i64),
    Float(f64),
    Obj(Handle),
    Func(FuncId),
    Builtin(BuiltinId),
    Module(ModuleId),
    Native(NativeFn),
    /// A local variable that has not been assigned yet. Never visible to programs.
    Unbound,
    /// A `for` loop's position in a `range` of step 1: the next item and the stop, kept in the
    /// loop's stack slot (see [`crate::VmConfig::immediate_range_iterators`]). Never visible to
    /// programs.
    RangeIter {
        next: i32,
        stop: i32,
    },
}

impl Value {
    pub const NONE: Value = Value { tag: Tag::None, bits: 0 };
    /// A local variable that has not been assigned yet. Never visible to programs.
    pub const UNBOUND: Value = Value { tag: Tag::Unbound, bits: 0 };
    pub const TRUE: Value = Value { tag: Tag::Bool, bits: 1 };
    pub const FALSE: Value = Value { tag: Tag::Bool, bits: 0 };

    #[inline(always)]
    pub const fn bool(b: bool) -> Value {
        Value { tag: Tag::Bool, bits: b as u64 }
    }

    #[inline(always)]
    pub const fn int(i: i64) -> Value {
        Value { tag: Tag::Int, bits: i as u64 }
    }

    #[inline(always)]
    pub fn float(f: f64) -> Value {
        Value { tag: Tag::Float, bits: f.to_bits() }
    }

    #[inline(always)]
    pub const fn obj(h: Handle) -> Value {
        Value { tag: Tag::Obj, bits: h.to_bits() }
    }

    #[inline(always)]
    pub const fn func(f: FuncId) -> Value {
        Value { tag: Tag::Func, bits: f.0 as u64 }
    }

    #[inline(always)]
    pub const fn builtin(b: BuiltinId) -> Value {
        Value { tag: Tag::Builtin, bits: b.0 as u64 }
    }

    #[inline(always)]
    pub const fn module(m: ModuleId) -> Value {
        Value { tag: Tag::Module, bits: m.0 as u64 }
    }

    #[inline(always)]
    pub const fn native(n: NativeFn) -> Value {
        Value { tag: Tag::Native, bits: (n.module.0 as u64) << 16 | n.index as u64 }
    }

    /// A `for` loop's position in a `range` of step 1 (see [`V::RangeIter`]).
    #[inline(always)]
    pub const fn range_iter(next: i32, stop: i32) -> Value {
        Value { tag: Tag::RangeIter, bits: (next as u32 as u64) << 32 | stop as u32 as u64 }
    }

    /// The next item and the stop of a [`Value::range_iter`], if this value is one.
    #[inline(always)]
    pub fn as_range_iter(self) -> Option<(i32, i32)> {
        if self.tag == Tag::RangeIter {
            Some(((self.bits >> 32) as u32 as i32, self.bits as u32 as i32))
        } else {
            None
        }
    }

    /// The value as a [`V`], to `match` on.
    #[inline(always)]
    pub fn unpack(self) -> V {
        let bits = self.bits;
        match self.tag {
            Tag::None => V::None,
            Tag::Bool => V::Bool(bits != 0),
            Tag::Int => V::Int(bits as i64),
            Tag::Float => V::Float(f64::from_bits(bits)),
            Tag::Obj => V::Obj(Handle::from_bits(bits)),
            Tag::Func => V::Func(FuncId(bits as u32)),
            Tag::Builtin => V::Builtin(BuiltinId(bits as u16)),
            Tag::Module => V::Module(ModuleId(bits as u16)),
            Tag::Native => V::Native(NativeFn { module: ModuleId((bits >> 16) as u16), index: bits as u16 }),
            Tag::Unbound => V::Unbound,
            Tag::RangeIter => V::RangeIter { next: (bits >> 32) as u32 as i32, stop: bits as u32 as i32 },
        }
    }

    /// The int this value is, if it is one (bools are not).
    #[inline(always)]
    pub fn as_int(self) -> Option<i64> {
        if self.tag == Tag::Int {
            Some(self.bits as i64)
        } else {
            None
        }
    }

    /// The handle of a heap object, if this value is one.
    #[inline(always)]
    pub fn handle(self) -> Option<Handle> {
        if self.tag == Tag::Obj {
            Some(Handle::from_bits(self.bits))
        } else {
            None
        }
    }

    /// The value as two words, a tag and a payload, for storage in atomics (see
    /// [`crate::seqlock::SeqCell`]); [`Value::from_words`] reverses it.
    #[inline]
    pub fn to_words(self) -> [u64; 2] {
        [self.tag as u64, self.bits]
    }

    /// The value [`Value::to_words`] encoded as `words`.
    #[inline]
    pub fn from_words(words: [u64; 2]) -> Value {
        let [tag, bits] = words;
        let tag = match tag {
            0 => Tag::None,
            1 => Tag::Bool,
            2 => Tag::Int,
            3 => Tag::Obj,
            4 => Tag::Func,
            5 => Tag::Builtin,
            6 => Tag::Module,
            7 => Tag::Native,
            9 => Tag::RangeIter,
            10 => Tag::Float,
            _ => return Value::UNBOUND,
        };
        Value { tag, bits }
    }
}

impl From<V> for Value {
    #[inline(always)]
    fn from(v: V) -> Value {
        match v {
            V::None => Value::NONE,
            V::Bool(b) => Value::bool(b),
            V::Int(i) => Value::int(i),
            V::Float(f) => Value::float(f),
            V::Obj(h) => Value::obj(h),
            V::Func(f) => Value::func(f),
            V::Builtin(b) => Value::builtin(b),
            V::Module(m) => Value::module(m),
            V::Native(n) => Value::native(n),
            V::Unbound => Value::UNBOUND,
            V::RangeIter { next, stop } => Value::range_iter(next, stop),
        }
    }
}

/// Prints as the unpacked value: `Int(3)`, `Obj(Handle { .. })`.
impl std::fmt::Debug for Value {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.unpack().fmt(f)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_of_value_survives_the_word_encoding() {
        let handle = Handle::from_bits(Handle::from_bits(7 << 32 | 9).to_bits());
        let values = [
            Value::NONE,
            Value::bool(false),
            Value::bool(true),
            Value::int(i64::MIN),
            Value::int(-1),
            Value::int(i64::MAX),
            Value::obj(handle),
            Value::func(FuncId(u32::MAX)),
            Value::builtin(BuiltinId(3)),
            Value::module(ModuleId(u16::MAX)),
            Value::native(NativeFn { module: ModuleId(2), index: u16::MAX }),
            Value::UNBOUND,
            Value::range_iter(i32::MIN, -1),
            Value::range_iter(-5, i32::MAX),
            Value::float(-0.0),
            Value::float(f64::INFINITY),
            Value::float(1.5),
        ];
        for v in values {
            assert_eq!(Value::from_words(v.to_words()), v);
            assert_eq!(Value::from(v.unpack()), v, "{v:?} survives unpacking");
        }
        assert_ne!(Value::bool(false), Value::int(0), "a bool is not an int of the same bits");
        assert_eq!(Value::int(7).as_int(), Some(7));
        assert_eq!(Value::bool(true).as_int(), None);
        assert_eq!(Value::obj(handle).handle(), Some(handle));
        assert_eq!(format!("{:?}", Value::int(-3)), "Int(-3)");
        assert_eq!(Value::range_iter(-2, 7).as_range_iter(), Some((-2, 7)));
        assert_eq!(Value::int(3).as_range_iter(), None);
        assert_eq!(handle.number(), 7);
    }

    #[test]
    fn value_is_two_words() {
        assert_eq!(std::mem::size_of::<Value>(), 16);
        // The tag's spare values hold `Result`'s and `Option`'s discriminants.
        assert_eq!(std::mem::size_of::<Result<Value, crate::error::Exception>>(), 16);
        assert_eq!(std::mem::size_of::<Option<Value>>(), 16);
    }
}
