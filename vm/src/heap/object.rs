//! The kinds of heap objects and how the collector traces through them.

use super::dict::Dict;
use super::Handle;
use crate::value::Value;

/// An immutable string with its hash computed once.
#[derive(Debug, Clone)]
pub struct StrObject {
    pub text: Box<str>,
    pub hash: u64,
}

impl StrObject {
    pub fn new(text: impl Into<Box<str>>) -> StrObject {
        let text = text.into();
        let hash = hash_str(&text);
        StrObject { text, hash }
    }
}

/// Which view `dict.keys()`, `values()` or `items()` returned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ViewKind {
    Keys,
    Values,
    Items,
}

impl ViewKind {
    pub fn type_name(self) -> &'static str {
        match self {
            ViewKind::Keys => "dict_keys",
            ViewKind::Values => "dict_values",
            ViewKind::Items => "dict_items",
        }
    }
}

/// The state of a `for` loop over some iterable.
#[derive(Debug, Clone)]
pub enum Iter {
    /// Iterates a list, tuple or str by index, reading the live sequence each step (as Python does).
    Seq {
        seq: Handle,
        index: usize,
    },
    Range {
        next: i64,
        stop: i64,
        step: i64,
    },
    /// Iterates a snapshot of a dict's keys, values or items. `dict` is the dict and its size
    /// when the loop began: a loop whose body changes the size stops with a RuntimeError, as in
    /// Python.
    Snapshot {
        items: Vec<Value>,
        index: usize,
        dict: Option<(Handle, usize)>,
    },
}

/// The state of a `Lock()`: whether it is held and how many threads wait for it.
#[derive(Debug, Clone, Default)]
pub struct LockObject {
    pub held: bool,
    pub waiters: u32,
}

/// A thread handle returned by `spawn`: its number and, once it has ended, its result.
#[derive(Debug, Clone)]
pub struct ThreadObject {
    pub number: u32,
    pub result: Option<Value>,
}

#[derive(Debug, Clone)]
pub enum Object {
    Str(StrObject),
    List(Vec<Value>),
    Tuple(Box<[Value]>),
    /// Boxed, so that the common objects (str, list, tuple) stay small.
    Dict(Box<Dict>),
    Range {
        start: i64,
        stop: i64,
        step: i64,
    },
    View {
        dict: Handle,
        kind: ViewKind,
    },
    /// Boxed: a dict snapshot's state is larger than every other object's.
    Iter(Box<Iter>),
    Lock(LockObject),
    Thread(ThreadObject),
}

impl Object {
    /// Whether the object can change after it is allocated (str, tuple, range and dict views can't).
    pub fn is_mutable(&self) -> bool {
        !matches!(self, Object::Str(_) | Object::Tuple(_) | Object::Range { .. } | Object::View { .. })
    }

    /// Python's name for the object's type, as in error messages.
    pub fn type_name(&self) -> &'static str {
        match self {
            Object::Str(_) => "str",
            Object::List(_) => "list",
            Object::Tuple(_) => "tuple",
            Object::Dict(_) => "dict",
            Object::Range { .. } => "range",
            Object::View { kind, .. } => kind.type_name(),
            Object::Iter(it) => match **it {
                Iter::Range { .. } => "range_iterator",
                Iter::Seq { .. } | Iter::Snapshot { .. } => "iterator",
            },
            Object::Lock(_) => "lock",
            Object::Thread(_) => "thread",
        }
    }

    /// Calls `visit` on every value this object refers to (for marking).
    pub fn trace(&self, mut visit: impl FnMut(Value)) {
        match self {
            Object::Str(_) | Object::Range { .. } | Object::Lock(_) => {}
            Object::List(items) => items.iter().copied().for_each(visit),
            Object::Tuple(items) => items.iter().copied().for_each(visit),
            Object::Dict(dict) => dict.entries().for_each(|(k, v)| {
                visit(k);
                visit(v);
            }),
            Object::View { dict, .. } => visit(Value::Obj(*dict)),
            Object::Iter(it) => match &**it {
                Iter::Seq { seq, .. } => visit(Value::Obj(*seq)),
                Iter::Range { .. } => {}
                Iter::Snapshot { items, dict, .. } => {
                    items.iter().copied().for_each(&mut visit);
                    if let Some((d, _)) = dict {
                        visit(Value::Obj(*d))
                    }
                }
            },
            Object::Thread(t) => {
                if let Some(v) = t.result {
                    visit(v)
                }
            }
        }
    }
}

/// A fast, deterministic string hash (FNV-1a); deterministic so traces and dict order never vary.
pub fn hash_str(text: &str) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in text.bytes() {
        hash ^= byte as u64;
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    hash
}

/// The hash of an int (and of a bool, which equals 0 or 1 as a dict key).
pub fn hash_int(value: i64) -> u64 {
    let mut x = value as u64;
    x ^= x >> 33;
    x = x.wrapping_mul(0xff51_afd7_ed55_8ccd);
    x ^= x >> 33;
    x
}
