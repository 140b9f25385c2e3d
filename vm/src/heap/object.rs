//! The kinds of heap objects and how the collector traces through them.

use super::dict::Dict;
use super::Handle;
use crate::value::Value;

/// An immutable string with its hash computed once. Up to 24 bytes of text are stored in the
/// object itself (most strings a program builds are short: keys, numbers, words), so creating
/// and freeing one allocates nothing besides its slot.
#[derive(Debug, Clone)]
pub struct StrObject {
    pub text: compact_str::CompactString,
    pub hash: u64,
}

impl StrObject {
    pub fn new(text: impl Into<compact_str::CompactString>) -> StrObject {
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

/// What kind of object a slot holds: one per type name, so that type checks and `type()` need
/// only this (see [`super::Heap::kind`]). Never 0, which marks an empty slot's tag.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
pub enum Kind {
    Str = 1,
    List,
    Tuple,
    Dict,
    Range,
    DictKeys,
    DictValues,
    DictItems,
    RangeIterator,
    Iterator,
    Lock,
    Thread,
}

impl Kind {
    pub(crate) const ALL: [Kind; 12] = [
        Kind::Str,
        Kind::List,
        Kind::Tuple,
        Kind::Dict,
        Kind::Range,
        Kind::DictKeys,
        Kind::DictValues,
        Kind::DictItems,
        Kind::RangeIterator,
        Kind::Iterator,
        Kind::Lock,
        Kind::Thread,
    ];

    /// Whether objects of this kind can change after they are allocated (str, tuple, range and
    /// dict views can't).
    #[inline]
    pub fn is_mutable(self) -> bool {
        !matches!(self, Kind::Str | Kind::Tuple | Kind::Range | Kind::DictKeys | Kind::DictValues | Kind::DictItems)
    }

    /// The kind numbered `n` (`kind as u8`).
    pub(crate) fn from_u8(n: u8) -> Option<Kind> {
        Kind::ALL.get((n as usize).checked_sub(1)?).copied()
    }

    /// Python's name for the type, as in error messages.
    pub fn type_name(self) -> &'static str {
        match self {
            Kind::Str => "str",
            Kind::List => "list",
            Kind::Tuple => "tuple",
            Kind::Dict => "dict",
            Kind::Range => "range",
            Kind::DictKeys => ViewKind::Keys.type_name(),
            Kind::DictValues => ViewKind::Values.type_name(),
            Kind::DictItems => ViewKind::Items.type_name(),
            Kind::RangeIterator => "range_iterator",
            Kind::Iterator => "iterator",
            Kind::Lock => "lock",
            Kind::Thread => "thread",
        }
    }
}

impl Object {
    /// The object's [`Kind`], which never changes while it lives.
    pub fn kind(&self) -> Kind {
        match self {
            Object::Str(_) => Kind::Str,
            Object::List(_) => Kind::List,
            Object::Tuple(_) => Kind::Tuple,
            Object::Dict(_) => Kind::Dict,
            Object::Range { .. } => Kind::Range,
            Object::View { kind: ViewKind::Keys, .. } => Kind::DictKeys,
            Object::View { kind: ViewKind::Values, .. } => Kind::DictValues,
            Object::View { kind: ViewKind::Items, .. } => Kind::DictItems,
            Object::Iter(it) => match **it {
                Iter::Range { .. } => Kind::RangeIterator,
                Iter::Seq { .. } | Iter::Snapshot { .. } => Kind::Iterator,
            },
            Object::Lock(_) => Kind::Lock,
            Object::Thread(_) => Kind::Thread,
        }
    }

    /// Whether the object can change after it is allocated (str, tuple, range and dict views can't).
    pub fn is_mutable(&self) -> bool {
        self.kind().is_mutable()
    }

    /// Python's name for the object's type, as in error messages.
    pub fn type_name(&self) -> &'static str {
        self.kind().type_name()
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
            Object::View { dict, .. } => visit(Value::obj(*dict)),
            Object::Iter(it) => match &**it {
                Iter::Seq { seq, .. } => visit(Value::obj(*seq)),
                Iter::Range { .. } => {}
                Iter::Snapshot { items, dict, .. } => {
                    items.iter().copied().for_each(&mut visit);
                    if let Some((d, _)) = dict {
                        visit(Value::obj(*d))
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
