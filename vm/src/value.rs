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
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn value_is_two_words() {
        assert_eq!(std::mem::size_of::<Value>(), 16);
    }
}
