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

/// A VM value. Immediates (None, bools, ints, functions, builtins, modules) live
/// in the value itself; everything else is a [`Handle`] into the heap. Copying a
/// value never touches a reference count: the tracing collector finds what is live.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Value {
    None,
    Bool(bool),
    Int(i64),
    Obj(Handle),
    Func(FuncId),
    Builtin(BuiltinId),
    Module(ModuleId),
    Native(NativeFn),
    /// A local variable that has not been assigned yet. Never visible to programs.
    Unbound,
}

impl Value {
    /// The handle of a heap object, if this value is one.
    #[inline]
    pub fn handle(self) -> Option<Handle> {
        match self {
            Value::Obj(h) => Some(h),
            _ => None,
        }
    }

    /// The value as two words, a tag and a payload, for storage in atomics (see
    /// [`crate::seqlock::SeqCell`]); [`Value::from_words`] reverses it.
    #[inline]
    pub fn to_words(self) -> [u64; 2] {
        match self {
            Value::None => [0, 0],
            Value::Bool(b) => [1, b as u64],
            Value::Int(i) => [2, i as u64],
            Value::Obj(h) => [3, h.to_bits()],
            Value::Func(f) => [4, f.0 as u64],
            Value::Builtin(b) => [5, b.0 as u64],
            Value::Module(m) => [6, m.0 as u64],
            Value::Native(n) => [7, (n.module.0 as u64) << 16 | n.index as u64],
            Value::Unbound => [8, 0],
        }
    }

    /// The value [`Value::to_words`] encoded as `words`.
    #[inline]
    pub fn from_words(words: [u64; 2]) -> Value {
        let [tag, payload] = words;
        match tag {
            0 => Value::None,
            1 => Value::Bool(payload != 0),
            2 => Value::Int(payload as i64),
            3 => Value::Obj(Handle::from_bits(payload)),
            4 => Value::Func(FuncId(payload as u32)),
            5 => Value::Builtin(BuiltinId(payload as u16)),
            6 => Value::Module(ModuleId(payload as u16)),
            7 => Value::Native(NativeFn { module: ModuleId((payload >> 16) as u16), index: payload as u16 }),
            _ => Value::Unbound,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_of_value_survives_the_word_encoding() {
        let handle = Handle::from_bits(Handle::from_bits(7 << 32 | 9).to_bits());
        let values = [
            Value::None,
            Value::Bool(false),
            Value::Bool(true),
            Value::Int(i64::MIN),
            Value::Int(-1),
            Value::Int(i64::MAX),
            Value::Obj(handle),
            Value::Func(FuncId(u32::MAX)),
            Value::Builtin(BuiltinId(3)),
            Value::Module(ModuleId(u16::MAX)),
            Value::Native(NativeFn { module: ModuleId(2), index: u16::MAX }),
            Value::Unbound,
        ];
        for v in values {
            assert_eq!(Value::from_words(v.to_words()), v);
        }
        assert_eq!(handle.number(), 7);
    }

    #[test]
    fn value_is_two_words() {
        assert_eq!(std::mem::size_of::<Value>(), 16);
    }
}
