//! The kinds of heap objects and how the collector traces through them.

use super::dict::Dict;
use super::Handle;
use crate::value::Value;

/// An immutable string with its hash computed the first time it is needed, as CPython does: most
/// strings a program builds (a number's text, half of a join) never become a dict key. Up to 24
/// bytes of text are stored in the object itself (most strings a program builds are short: keys,
/// numbers, words), so creating and freeing one allocates nothing besides its slot.
#[derive(Debug)]
pub struct StrObject {
    pub text: compact_str::CompactString,
    /// The hash of `text`, or 0 until it is first needed (a hash of 0 is stored as 1). An atomic:
    /// threads that read the string at once may each compute it, and store the same value.
    hash: std::sync::atomic::AtomicU64,
}

impl StrObject {
    pub fn new(text: impl Into<compact_str::CompactString>) -> StrObject {
        StrObject { text: text.into(), hash: std::sync::atomic::AtomicU64::new(0) }
    }

    /// The string's hash ([`hash_str`] of its text, with 0 taken as 1).
    #[inline]
    pub fn hash(&self) -> u64 {
        use std::sync::atomic::Ordering::Relaxed;
        match self.hash.load(Relaxed) {
            0 => {
                let hash = hash_str(&self.text).max(1);
                self.hash.store(hash, Relaxed);
                hash
            }
            hash => hash,
        }
    }

    /// Whether the two strings have the same text (their hashes first, where both are known).
    #[inline]
    pub fn same_text(&self, other: &StrObject) -> bool {
        use std::sync::atomic::Ordering::Relaxed;
        let (a, b) = (self.hash.load(Relaxed), other.hash.load(Relaxed));
        (a == 0 || b == 0 || a == b) && self.text == other.text
    }
}

impl Clone for StrObject {
    fn clone(&self) -> StrObject {
        use std::sync::atomic::Ordering::Relaxed;
        StrObject { text: self.text.clone(), hash: std::sync::atomic::AtomicU64::new(self.hash.load(Relaxed)) }
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
    /// `enumerate(iterable, start)`: the iterable's iterator and the next count.
    Enumerate {
        inner: Value,
        count: i64,
    },
    /// `zip(a, b, ...)`: one iterator per iterable.
    Zip {
        inners: Vec<Value>,
    },
    /// `map(f, a, ...)`: the function and one iterator per iterable.
    Map {
        func: Value,
        inners: Vec<Value>,
    },
    /// `filter(f, a)` (`f` None: the items' truth).
    Filter {
        func: Value,
        inner: Value,
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
    /// A function whose `def` gave it default values (one without defaults is an immediate
    /// [`crate::value::V::Func`]).
    Function(Box<FunctionObject>),
    /// An exception: raised, caught, or only made (`ValueError("x")`).
    Exception(Box<ExceptionObject>),
    /// A class made by a `class` statement.
    Class(Box<ClassObject>),
    /// An instance of a class made by a `class` statement (one that derives from an exception
    /// class makes [`Object::Exception`]s instead).
    Instance(Box<InstanceObject>),
    /// A function bound to the object it was looked up on (`obj.method`, `Class.classmethod`).
    BoundMethod(Box<BoundMethodObject>),
    /// `staticmethod(f)`, `classmethod(f)` or `property(getter, setter)`, as a class attribute.
    Wrapper(Box<WrapperObject>),
    /// `super()`: the attributes of `receiver`'s class that come after `class` in its chain.
    Super(Box<SuperObject>),
    /// A local variable that a function shares with the functions nested in it (its value, or
    /// `Value::UNBOUND` while it has none).
    Cell(Value),
    /// A generator: the frame of a generator function's call, kept here while it is not running.
    Generator(Box<GeneratorObject>),
    /// `slice(start, stop, step)`, what `x[a:b:c]` indexes with (each part an int or None).
    /// Boxed, so that the common objects stay small.
    Slice(Box<[Value; 3]>),
    /// A `set` or a `frozenset`.
    Set(Box<SetObject>),
    /// A Mersenne Twister's state (`_random.new`): what a `random.Random` draws from.
    Random(Box<super::random::Mt19937>),
    /// An int that does not fit in 64 bits (one that does is always an immediate value).
    Int(Box<num_bigint::BigInt>),
    /// `object()`: a thing with only an identity (the usual sentinel); it has no attributes and
    /// never changes.
    Bare,
    /// A `threading.local` (an instance of a class derived from `_thread._local`): each thread
    /// that uses it sees the attributes of its own instance.
    Local(Box<LocalObject>),
}

/// A `threading.local`: its class, an instance of that class for each thread that has used it
/// (where that thread's attributes live, so no other thread's steps touch them), and the
/// arguments it was made with, which `__init__` is run with again in each new thread.
#[derive(Debug, Clone)]
pub struct LocalObject {
    pub class: Handle,
    /// `(thread ident, instance)`, in the order the threads first used it.
    pub threads: Vec<(i64, Handle)>,
    /// `(args, kwargs)`: a tuple and a dict; `None` when the class has no `__init__` to rerun.
    pub init: Option<(Value, Value)>,
}

/// A `set`, or a `frozenset` (`frozen`): its items in CPython's table.
#[derive(Debug, Clone, Default)]
pub struct SetObject {
    pub frozen: bool,
    pub table: super::set::SetTable,
}

/// A generator: the frame of a call of a generator function (or of a generator expression),
/// moved off its thread's stack while it is suspended and back onto the stack of whichever
/// thread resumes it.
#[derive(Debug, Clone)]
pub struct GeneratorObject {
    pub func: crate::bytecode::FuncId,
    pub state: GenState,
    /// The frame's stack while it is suspended: the generator itself (where a frame has its
    /// function), the locals, then the values its expressions had pushed.
    pub(crate) stack: Vec<Value>,
    /// Where it goes on.
    pub(crate) ip: u32,
    /// The `try` blocks it is inside, their heights relative to `stack` and `handling`.
    pub(crate) blocks: Vec<crate::thread_state::Block>,
    /// The exceptions it is handling (it yielded in an `except` or `finally` body).
    pub(crate) handling: Vec<(Value, Vec<crate::error::TraceFrame>)>,
    /// The context managers of the `with` bodies it yielded in.
    pub(crate) withs: Vec<Handle>,
    /// While it runs: the heights of its thread's `handling` and `withs` below its own.
    pub(crate) entry: (u32, u32),
}

/// Where a generator is in its life.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GenState {
    /// Made by the call, not yet started.
    Created,
    /// Stopped at a `yield`.
    Suspended,
    /// Running on some thread.
    Running,
    /// Returned or raised: every resumption ends at once.
    Done,
}

impl GeneratorObject {
    /// A generator of `func` that has not started.
    pub(crate) fn new(func: crate::bytecode::FuncId) -> GeneratorObject {
        GeneratorObject {
            func,
            state: GenState::Created,
            stack: Vec::new(),
            ip: 0,
            blocks: Vec::new(),
            handling: Vec::new(),
            withs: Vec::new(),
            entry: (0, 0),
        }
    }

    /// Ends it: it lets go of its frame.
    pub(crate) fn finish(&mut self) {
        *self = GeneratorObject { state: GenState::Done, ..GeneratorObject::new(self.func) };
    }
}

/// A function bound to the object it was looked up on.
#[derive(Debug, Clone)]
pub struct BoundMethodObject {
    pub receiver: Value,
    pub func: Value,
}

/// `staticmethod(f)`, `classmethod(f)` or `property(getter, setter)`.
#[derive(Debug, Clone)]
pub struct WrapperObject {
    pub kind: WrapperKind,
    pub func: Value,
    /// A property's setter (`Value::NONE` if it has none).
    pub setter: Value,
}

/// `super()`: the attributes of `receiver`'s class that come after `class` in its chain.
#[derive(Debug, Clone)]
pub struct SuperObject {
    pub class: Handle,
    pub receiver: Value,
}

/// What an [`Object::Wrapper`] does with the function it wraps when looked up.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WrapperKind {
    StaticMethod,
    ClassMethod,
    Property,
}

/// An exception object: its class and its arguments.
#[derive(Debug, Clone)]
pub struct ExceptionObject {
    /// Its built-in class, or the one a class made by the program derives from.
    pub kind: crate::error::ErrorKind,
    pub args: Box<[Value]>,
    /// What `str(e)` shows when the VM raised it (its message: a `KeyError`'s is the key's repr,
    /// which `args` alone cannot tell apart from a str key); `None` for one the program made.
    pub shown: Option<String>,
    /// The class the program made it from (`class MyError(Exception)`), if any.
    pub class: Option<Handle>,
    /// Attributes the program set on it (`self.code = code`).
    pub dict: Dict,
}

impl ExceptionObject {
    /// An exception of built-in class `kind` with arguments `args`.
    pub fn new(kind: crate::error::ErrorKind, args: Box<[Value]>, shown: Option<String>) -> ExceptionObject {
        ExceptionObject { kind, args, shown, class: None, dict: Dict::new() }
    }
}

/// A class made by a `class` statement.
#[derive(Debug, Clone)]
pub struct ClassObject {
    pub name: &'static str,
    /// `__qualname__`: the name with the functions and classes it was defined in
    /// (`make.<locals>.Point`), as reprs show it.
    pub qualname: &'static str,
    /// The class it derives from, if that is one the program made.
    pub base: Option<Handle>,
    /// The built-in exception class it derives from (directly or through `base`), if any: its
    /// instances are exceptions.
    pub exception: Option<crate::error::ErrorKind>,
    /// Its attributes: methods, class variables.
    pub dict: Dict,
    /// It derives from `_thread._local` (`threading.local`): its instances are [`LocalObject`]s.
    pub local: bool,
}

/// An instance of a class the program made: its class and its attributes.
#[derive(Debug, Clone)]
pub struct InstanceObject {
    pub class: Handle,
    pub dict: Dict,
}

/// `name` with a `'static` lifetime, stored once per distinct name (class names, so the store
/// is bounded by the program's text).
pub fn intern(name: &str) -> &'static str {
    static NAMES: std::sync::OnceLock<parking_lot::Mutex<std::collections::HashSet<&'static str>>> =
        std::sync::OnceLock::new();
    let mut names = NAMES.get_or_init(Default::default).lock();
    match names.get(name) {
        Some(&interned) => interned,
        None => {
            let interned: &'static str = Box::leak(name.to_string().into_boxed_str());
            names.insert(interned);
            interned
        }
    }
}

/// A function made by a `def` with default values or a closure: its code, for each named
/// parameter in slot order the default evaluated when the `def` ran (`Value::UNBOUND` where
/// there is none), and the cells of its free variables.
#[derive(Debug, Clone)]
pub struct FunctionObject {
    pub func: crate::bytecode::FuncId,
    pub defaults: Box<[Value]>,
    pub closure: Box<[Value]>,
    /// `__name__` and `__qualname__` when the program set them (`functools.wraps`); otherwise
    /// its code's.
    pub names: Option<Box<(&'static str, &'static str)>>,
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
    Function,
    Exception,
    Class,
    Instance,
    BoundMethod,
    StaticMethod,
    ClassMethod,
    Property,
    Super,
    Cell,
    Generator,
    Slice,
    Set,
    FrozenSet,
    Random,
    Int,
    Object,
    Local,
}

impl Kind {
    pub(crate) const ALL: [Kind; 30] = [
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
        Kind::Function,
        Kind::Exception,
        Kind::Class,
        Kind::Instance,
        Kind::BoundMethod,
        Kind::StaticMethod,
        Kind::ClassMethod,
        Kind::Property,
        Kind::Super,
        Kind::Cell,
        Kind::Generator,
        Kind::Slice,
        Kind::Set,
        Kind::FrozenSet,
        Kind::Random,
        Kind::Int,
        Kind::Object,
        Kind::Local,
    ];

    /// Whether objects of this kind can change after they are allocated (str, tuple, range and
    /// dict views can't).
    #[inline]
    pub fn is_mutable(self) -> bool {
        !matches!(
            self,
            Kind::Str
                | Kind::Tuple
                | Kind::Range
                | Kind::DictKeys
                | Kind::DictValues
                | Kind::DictItems
                | Kind::Function
                | Kind::BoundMethod
                | Kind::StaticMethod
                | Kind::ClassMethod
                | Kind::Property
                | Kind::Super
                | Kind::Slice
                | Kind::FrozenSet
                | Kind::Int
                | Kind::Object
        )
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
            Kind::Function => "function",
            // An exception's type name is its class's (see `Object::type_name`), an instance's
            // its class's name (see `value_ops::type_name`).
            Kind::Exception => "BaseException",
            Kind::Class => "type",
            Kind::Instance => "object",
            Kind::BoundMethod => "method",
            Kind::StaticMethod => "staticmethod",
            Kind::ClassMethod => "classmethod",
            Kind::Property => "property",
            Kind::Super => "super",
            Kind::Cell => "cell",
            Kind::Generator => "generator",
            Kind::Slice => "slice",
            Kind::Set => "set",
            Kind::FrozenSet => "frozenset",
            Kind::Random => "Random",
            Kind::Int => "int",
            Kind::Object => "object",
            // Its class's name, as an instance's.
            Kind::Local => "_thread._local",
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
                _ => Kind::Iterator,
            },
            Object::Lock(_) => Kind::Lock,
            Object::Thread(_) => Kind::Thread,
            Object::Function(_) => Kind::Function,
            Object::Exception(_) => Kind::Exception,
            Object::Class(_) => Kind::Class,
            Object::Instance(_) => Kind::Instance,
            Object::BoundMethod(_) => Kind::BoundMethod,
            Object::Wrapper(w) => match w.kind {
                WrapperKind::StaticMethod => Kind::StaticMethod,
                WrapperKind::ClassMethod => Kind::ClassMethod,
                WrapperKind::Property => Kind::Property,
            },
            Object::Super(_) => Kind::Super,
            Object::Cell(_) => Kind::Cell,
            Object::Generator(_) => Kind::Generator,
            Object::Slice(_) => Kind::Slice,
            Object::Set(s) if s.frozen => Kind::FrozenSet,
            Object::Set(_) => Kind::Set,
            Object::Random(_) => Kind::Random,
            Object::Int(_) => Kind::Int,
            Object::Bare => Kind::Object,
            Object::Local(_) => Kind::Local,
        }
    }

    /// Whether the object can change after it is allocated (str, tuple, range and dict views can't).
    pub fn is_mutable(&self) -> bool {
        self.kind().is_mutable()
    }

    /// Python's name for the object's type, as in error messages, where the object alone tells
    /// (not for an instance, or an exception, of a class the program made: its class tells).
    pub fn type_name(&self) -> &'static str {
        match self {
            Object::Exception(e) => e.kind.name(),
            _ => self.kind().type_name(),
        }
    }

    /// The class the program made that this object is an instance of, if any.
    pub fn class(&self) -> Option<Handle> {
        match self {
            Object::Instance(i) => Some(i.class),
            Object::Local(l) => Some(l.class),
            Object::Exception(e) => e.class,
            _ => None,
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
                Iter::Enumerate { inner, .. } => visit(*inner),
                Iter::Zip { inners } => inners.iter().copied().for_each(visit),
                Iter::Map { func, inners } => {
                    visit(*func);
                    inners.iter().copied().for_each(visit)
                }
                Iter::Filter { func, inner } => {
                    visit(*func);
                    visit(*inner)
                }
            },
            Object::Thread(t) => {
                if let Some(v) = t.result {
                    visit(v)
                }
            }
            Object::Function(f) => f.defaults.iter().chain(f.closure.iter()).copied().for_each(visit),
            Object::Cell(v) => visit(*v),
            Object::Exception(e) => {
                e.args.iter().copied().for_each(&mut visit);
                e.class.map(Value::obj).into_iter().for_each(&mut visit);
                trace_dict(&e.dict, visit);
            }
            Object::Class(c) => {
                c.base.map(Value::obj).into_iter().for_each(&mut visit);
                trace_dict(&c.dict, visit);
            }
            Object::Instance(i) => {
                visit(Value::obj(i.class));
                trace_dict(&i.dict, visit);
            }
            Object::BoundMethod(m) => {
                visit(m.receiver);
                visit(m.func);
            }
            Object::Wrapper(w) => {
                visit(w.func);
                visit(w.setter);
            }
            Object::Super(s) => {
                visit(Value::obj(s.class));
                visit(s.receiver);
            }
            Object::Slice(parts) => parts.iter().copied().for_each(visit),
            Object::Set(s) => s.table.items().for_each(visit),
            Object::Random(_) | Object::Int(_) | Object::Bare => {}
            Object::Local(l) => {
                visit(Value::obj(l.class));
                l.threads.iter().for_each(|&(_, h)| visit(Value::obj(h)));
                if let Some((args, kwargs)) = l.init {
                    visit(args);
                    visit(kwargs);
                }
            }
            Object::Generator(g) => {
                g.stack.iter().copied().for_each(&mut visit);
                g.handling.iter().for_each(|(v, _)| visit(*v));
                g.withs.iter().for_each(|&h| visit(Value::obj(h)));
            }
        }
    }
}

fn trace_dict(dict: &Dict, mut visit: impl FnMut(Value)) {
    dict.entries().for_each(|(k, v)| {
        visit(k);
        visit(v);
    })
}

/// A fast, deterministic string hash, eight bytes at a time, with a final mix so that every bit
/// of the result depends on every byte (the dict's table uses the top bits); deterministic so
/// traces and dict order never vary.
pub fn hash_str(text: &str) -> u64 {
    const K: u64 = 0x9e37_79b9_7f4a_7c15;
    let mix = |hash: u64, word: u64| (hash ^ word).wrapping_mul(K).rotate_left(31);
    let bytes = text.as_bytes();
    let mut hash = K ^ bytes.len() as u64;
    let mut words = bytes.chunks_exact(8);
    for word in &mut words {
        let mut buffer = [0u8; 8];
        buffer.copy_from_slice(word);
        hash = mix(hash, u64::from_le_bytes(buffer));
    }
    let rest = words.remainder();
    if !rest.is_empty() {
        let mut buffer = [0u8; 8];
        buffer[..rest.len()].copy_from_slice(rest);
        hash = mix(hash, u64::from_le_bytes(buffer));
    }
    mix64(hash)
}

/// The hash of an int (and of a bool, which equals 0 or 1 as a dict key).
///
/// A dict's table places a key by the hash's low bits and tags it with the top seven. Ints that
/// are close together get places close together, as CPython's `hash(i) == i` gives them: a
/// block of [`INT_BLOCK`] consecutive ints lands on consecutive places, from a start that a mix of
/// the block's number picks, so filling a big dict with `d[i] = ...` walks memory in order instead
/// of missing the cache on every key (4,000,000 keys: 1.4 s instead of 3.1 s). Any stride of a
/// block or more is as spread as a random hash (a fold of the bits, tried first, put the keys of
/// a stride of 2^17 + 1 on a few places); the tag mixes the whole value, so neighbours in one
/// probe group differ in their tags.
pub fn hash_int(value: i64) -> u64 {
    const TAG: u64 = !((1 << 57) - 1);
    let v = value as u64;
    let place = mix64(v / INT_BLOCK).wrapping_add(v);
    (place & !TAG) | (mix64(v) & TAG)
}

/// How many consecutive ints [`hash_int`] places next to each other.
pub const INT_BLOCK: u64 = 1024;

/// A 64-bit finalizer (MurmurHash3's fmix64): every bit of the result depends on every bit of
/// `x`.
fn mix64(mut x: u64) -> u64 {
    x ^= x >> 33;
    x = x.wrapping_mul(0xff51_afd7_ed55_8ccd);
    x ^= x >> 33;
    x = x.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    x ^= x >> 33;
    x
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn consecutive_ints_get_consecutive_places_and_strides_spread_as_a_random_hash_would() {
        let place = |i: i64| hash_int(i) & ((1 << 57) - 1);
        // One block: consecutive places.
        let block = INT_BLOCK as i64;
        assert!((1..block).all(|i| place(i) == place(0).wrapping_add(i as u64) & ((1 << 57) - 1)));
        // 2^16 keys of any stride in a table of 2^17 places: they take about as many places as
        // random ones would (1 - 1/e of 2^16 for a random hash after folding into 2^17 ≈ 0.79).
        for stride in [1i64, 3, 1024, 4096, 4097, (1 << 17) + 1, 1 << 20, 1 << 32, (1 << 37) + (1 << 17) + 1, -1, -4097]
        {
            let places: std::collections::HashSet<u64> =
                (0..1i64 << 16).map(|i| place(i.wrapping_mul(stride)) & ((1 << 17) - 1)).collect();
            assert!(places.len() > (1 << 16) * 3 / 4, "stride {stride}: {} places", places.len());
        }
        // Neighbours differ in the tag (the top seven bits) that a probe compares first.
        let tags: std::collections::HashSet<u64> = (0..128).map(|i| hash_int(i) >> 57).collect();
        assert!(tags.len() > 70, "{} tags", tags.len());
    }

    #[test]
    fn a_strs_hash_is_computed_once_when_first_needed_and_never_zero() {
        let s = StrObject::new("key42");
        assert_eq!(s.hash.load(std::sync::atomic::Ordering::Relaxed), 0, "not computed at creation");
        assert_eq!(s.hash(), hash_str("key42").max(1));
        assert_eq!(s.clone().hash(), s.hash(), "a copy keeps it");
        let t = StrObject::new(compact_str::CompactString::from("key") + "42");
        assert!(t.same_text(&s) && s.same_text(&t), "with one hash known and one not");
        t.hash();
        assert!(t.same_text(&s), "with both known");
        assert!(!StrObject::new("key43").same_text(&s));
        assert!(!StrObject::new("key4").same_text(&s));
    }

    #[test]
    fn the_str_hash_depends_on_every_byte_and_spreads_its_top_bits() {
        // The dict's table picks buckets with the low bits and tags with the top 7: short keys
        // that differ in one byte, or only in length, must spread over both.
        assert_ne!(hash_str(""), hash_str("\0"));
        assert_ne!(hash_str("abcdefgh"), hash_str("abcdefgh\0"));
        assert_ne!(hash_str("abcdefghi"), hash_str("abcdefghj"));
        let mut top = std::collections::HashSet::new();
        let mut low = std::collections::HashSet::new();
        for i in 0..1000 {
            let h = hash_str(&format!("k{i}"));
            top.insert(h >> 57);
            low.insert(h & 127);
        }
        assert!(top.len() > 120 && low.len() > 120, "{} {}", top.len(), low.len());
    }
}
