//! The names of built-in functions and methods. Their behaviour lives in `interp::calls`.

use crate::error::ErrorKind;
use crate::value::BuiltinId;

/// A built-in function.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Builtin {
    Print,
    Len,
    Range,
    Str,
    Int,
    Abs,
    Min,
    Max,
    Sum,
    List,
    Repr,
    Spawn,
    Join,
    Lock,
    /// `gc.collect()`: reachable only as an attribute of the `gc` module.
    GcCollect,
    /// A built-in exception class (`ValueError`): calling it makes an exception object.
    Error(crate::error::ErrorKind),
    /// `format(value, spec='')`.
    Format,
    /// The classes `object`, `type`, `tuple`, `dict`, `bool` (`int`, `str`, `list` and `range`
    /// are above).
    Object,
    Type,
    Tuple,
    Dict,
    Bool,
    Isinstance,
    Issubclass,
    Getattr,
    Setattr,
    Hasattr,
    Callable,
    Super,
    Property,
    Staticmethod,
    Classmethod,
    /// `NotImplemented`: what a comparison method returns for operands it does not compare.
    NotImplemented,
    /// `BaseException.__init__`, as `super().__init__(...)` reaches it from an exception class.
    ExceptionInit,
    /// `object.__init__`, as `super().__init__()` reaches it.
    ObjectInit,
    /// `prop.setter(f)`: a copy of property `prop` with setter `f` (`@x.setter`).
    PropertySetter,
    Enumerate,
    Zip,
    Map,
    Filter,
    Sorted,
    Reversed,
    Any,
    All,
    Iter,
    Next,
    /// The class `float`.
    Float,
    Round,
    Pow,
    Divmod,
    /// The class `slice`.
    Slice,
    /// The classes `set` and `frozenset`.
    Set,
    FrozenSet,
    /// `hash(x)`: CPython's value for ints, floats, tuples and frozensets of them.
    Hash,
    /// `ord(c)` and `chr(i)`.
    Ord,
    Chr,
    /// `_thread.start_new_thread(function, args[, kwargs])`.
    StartNewThread,
    /// `_thread._start_daemon(function, args[, kwargs])`: a thread the run does not wait for at
    /// its end (`threading.Thread(daemon=True).start()`).
    StartDaemonThread,
    /// `_thread.get_ident()` (and `threading.get_ident()`).
    GetIdent,
    /// `_thread.exit()`: raises SystemExit, which ends a thread quietly.
    ThreadExit,
    /// `_thread.stack_size([size])`.
    StackSize,
    /// `_thread._set_current(thread)`: the `threading.Thread` object of the calling thread.
    SetCurrent,
    /// `_thread._get_current()`: the object `_set_current` gave, or None.
    GetCurrent,
    /// `_thread._enumerate()`: the objects of every running thread that has one.
    EnumerateThreads,
    /// `_thread._count()`: how many threads are running.
    CountThreads,
    /// `time.sleep(seconds)`.
    Sleep,
    /// `time.time()`, `time.monotonic()` and their `_ns` forms.
    Clock(Clock),
    /// `_emlab_sys.write(fd, text)`: `sys.stdout.write` (fd 1) and `sys.stderr.write` (fd 2).
    SysWrite,
    /// `_emlab_sys.argv()`: the program's path, as `sys.argv`.
    SysArgv,
    /// `sys.getswitchinterval()`, `sys.setswitchinterval(seconds)`.
    GetSwitchInterval,
    SetSwitchInterval,
    /// `_emlab_sys.renamed(func, name, qualname)`: a function object like `func` whose `__name__`
    /// and `__qualname__` are these (`functools.wraps`; a function object never changes).
    RenamedFunction,
    /// `_emlab_sys.class_names(cls)`: the sorted names of the attributes a class the program made
    /// has, its bases' included (what `unittest` looks for test methods in).
    ClassNames,
    /// `sys.getrecursionlimit()`, `sys.setrecursionlimit(limit)`.
    GetRecursionLimit,
    SetRecursionLimit,
    /// `_random.new(seed)`, `seed(gen, seed)`, `random(gen)`, `getrandbits(gen, k)`,
    /// `randbelow(gen, n)`: the Mersenne Twister under `random`.
    RandomNew,
    RandomSeed,
    RandomRandom,
    RandomGetrandbits,
    RandomRandbelow,
    /// `type(None)`, the class of `None` (no global name, as in Python).
    NoneType,
    /// `_thread._local`: the base of `threading.local`, whose instances keep each thread's
    /// attributes apart.
    ThreadLocal,
    /// `bin(i)`, `oct(i)`, `hex(i)`: an int (or an object with `__index__`) in base 2, 8, 16.
    Bin,
    Oct,
    Hex,
    /// `id(x)`: its identity, an int (an object's number, made to look like an address).
    Id,
    /// `delattr(obj, name)`.
    Delattr,
    /// `ascii(x)`: `repr(x)` with every non-ASCII character escaped.
    Ascii,
    /// `exit([status])` and `quit([status])`: raise SystemExit, as `sys.exit` does.
    Exit,
    /// A function of the `math` module (`interp::mathlib`). Its ids follow the table's.
    Math(MathFn),
    /// A method of a built-in type taken from the type (`str.upper`), called with its receiver
    /// first. Its ids follow the math functions'.
    TypeMethod(TypeMethod),
}

/// The built-in types a program can take methods from (`str.strip`, `list.append`, `dict.get`).
pub const METHOD_CLASSES: [Builtin; 5] = [Builtin::Str, Builtin::List, Builtin::Tuple, Builtin::Dict, Builtin::Set];

/// A method of a built-in type as a value: `map(str.strip, lines)`, `sorted(words, key=str.lower)`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TypeMethod {
    /// Its type's index in [`METHOD_CLASSES`].
    class: u8,
    /// Its index in [`METHODS`].
    method: u8,
}

impl TypeMethod {
    pub fn new(class: Builtin, name: &str) -> Option<TypeMethod> {
        let class = METHOD_CLASSES.iter().position(|&c| c == class)?;
        let method = METHODS.iter().position(|(n, _)| *n == name)?;
        Some(TypeMethod { class: class as u8, method: method as u8 })
    }

    /// The type it belongs to.
    pub fn class(self) -> Builtin {
        METHOD_CLASSES[self.class as usize]
    }

    pub fn method(self) -> Method {
        METHODS[self.method as usize].1
    }

    pub fn name(self) -> &'static str {
        METHODS[self.method as usize].0
    }

    fn index(self) -> usize {
        self.class as usize * METHODS.len() + self.method as usize
    }

    fn from_index(index: usize) -> TypeMethod {
        TypeMethod { class: (index / METHODS.len()) as u8, method: (index % METHODS.len()) as u8 }
    }
}

macro_rules! math_functions {
    ($($variant:ident $name:literal),* $(,)?) => {
        /// A function of the `math` module.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum MathFn {
            $($variant),*
        }

        impl MathFn {
            /// Every function, in id order, with its name.
            pub const ALL: &'static [(&'static str, MathFn)] = &[$(($name, MathFn::$variant)),*];
        }
    };
}

math_functions! {
    Sqrt "sqrt", Exp "exp", Exp2 "exp2", Expm1 "expm1", Log "log", Log2 "log2", Log10 "log10",
    Log1p "log1p", Sin "sin", Cos "cos", Tan "tan", Asin "asin", Acos "acos", Atan "atan",
    Atan2 "atan2", Sinh "sinh", Cosh "cosh", Tanh "tanh", Asinh "asinh", Acosh "acosh",
    Atanh "atanh", Fabs "fabs", Degrees "degrees", Radians "radians", Copysign "copysign",
    Fmod "fmod", Pow "pow", Hypot "hypot", Dist "dist", Floor "floor", Ceil "ceil",
    Trunc "trunc", Isnan "isnan", Isinf "isinf", Isfinite "isfinite", Isclose "isclose",
    Modf "modf", Frexp "frexp", Ldexp "ldexp", Fsum "fsum", Prod "prod", Factorial "factorial",
    Gcd "gcd", Lcm "lcm", Isqrt "isqrt", Comb "comb", Perm "perm",
}

impl MathFn {
    pub fn name(self) -> &'static str {
        MathFn::ALL.iter().find(|(_, f)| *f == self).map_or("?", |(name, _)| name)
    }

    /// The function named `name`, if `math` has one.
    pub fn lookup(name: &str) -> Option<MathFn> {
        MathFn::ALL.iter().find(|(n, _)| *n == name).map(|&(_, f)| f)
    }
}

/// Which clock a [`Builtin::Clock`] reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Clock {
    /// `time.time()`: seconds since the epoch, a float.
    Wall,
    /// `time.time_ns()`: nanoseconds since the epoch, an int.
    WallNs,
    /// `time.monotonic()` and `time.perf_counter()`: seconds, a float.
    Monotonic,
    /// `time.monotonic_ns()` and `time.perf_counter_ns()`: nanoseconds, an int.
    MonotonicNs,
}

/// Builtins in id order; the first `GLOBAL_COUNT` are visible as global names.
const TABLE: &[(&str, Builtin)] = &[
    ("print", Builtin::Print),
    ("len", Builtin::Len),
    ("range", Builtin::Range),
    ("str", Builtin::Str),
    ("int", Builtin::Int),
    ("abs", Builtin::Abs),
    ("min", Builtin::Min),
    ("max", Builtin::Max),
    ("sum", Builtin::Sum),
    ("list", Builtin::List),
    ("repr", Builtin::Repr),
    ("spawn", Builtin::Spawn),
    ("join", Builtin::Join),
    ("Lock", Builtin::Lock),
    ("collect", Builtin::GcCollect),
    ("BaseException", Builtin::Error(ErrorKind::BaseException)),
    ("Exception", Builtin::Error(ErrorKind::Exception)),
    ("ArithmeticError", Builtin::Error(ErrorKind::ArithmeticError)),
    ("LookupError", Builtin::Error(ErrorKind::LookupError)),
    ("ImportError", Builtin::Error(ErrorKind::ImportError)),
    ("StopIteration", Builtin::Error(ErrorKind::StopIteration)),
    ("KeyboardInterrupt", Builtin::Error(ErrorKind::KeyboardInterrupt)),
    ("SystemExit", Builtin::Error(ErrorKind::SystemExit)),
    ("NotImplementedError", Builtin::Error(ErrorKind::NotImplementedError)),
    ("ZeroDivisionError", Builtin::Error(ErrorKind::ZeroDivisionError)),
    ("IndexError", Builtin::Error(ErrorKind::IndexError)),
    ("KeyError", Builtin::Error(ErrorKind::KeyError)),
    ("TypeError", Builtin::Error(ErrorKind::TypeError)),
    ("ValueError", Builtin::Error(ErrorKind::ValueError)),
    ("NameError", Builtin::Error(ErrorKind::NameError)),
    ("UnboundLocalError", Builtin::Error(ErrorKind::UnboundLocalError)),
    ("AttributeError", Builtin::Error(ErrorKind::AttributeError)),
    ("AssertionError", Builtin::Error(ErrorKind::AssertionError)),
    ("RecursionError", Builtin::Error(ErrorKind::RecursionError)),
    ("OverflowError", Builtin::Error(ErrorKind::OverflowError)),
    ("RuntimeError", Builtin::Error(ErrorKind::RuntimeError)),
    ("MemoryError", Builtin::Error(ErrorKind::MemoryError)),
    ("ModuleNotFoundError", Builtin::Error(ErrorKind::ModuleNotFoundError)),
    ("GeneratorExit", Builtin::Error(ErrorKind::GeneratorExit)),
    ("OSError", Builtin::Error(ErrorKind::OSError)),
    ("TimeoutError", Builtin::Error(ErrorKind::TimeoutError)),
    ("ConnectionError", Builtin::Error(ErrorKind::ConnectionError)),
    ("BrokenPipeError", Builtin::Error(ErrorKind::BrokenPipeError)),
    ("ConnectionAbortedError", Builtin::Error(ErrorKind::ConnectionAbortedError)),
    ("ConnectionRefusedError", Builtin::Error(ErrorKind::ConnectionRefusedError)),
    ("ConnectionResetError", Builtin::Error(ErrorKind::ConnectionResetError)),
    ("FileNotFoundError", Builtin::Error(ErrorKind::FileNotFoundError)),
    ("FileExistsError", Builtin::Error(ErrorKind::FileExistsError)),
    ("PermissionError", Builtin::Error(ErrorKind::PermissionError)),
    ("InterruptedError", Builtin::Error(ErrorKind::InterruptedError)),
    ("BlockingIOError", Builtin::Error(ErrorKind::BlockingIOError)),
    ("ChildProcessError", Builtin::Error(ErrorKind::ChildProcessError)),
    ("IsADirectoryError", Builtin::Error(ErrorKind::IsADirectoryError)),
    ("NotADirectoryError", Builtin::Error(ErrorKind::NotADirectoryError)),
    ("ProcessLookupError", Builtin::Error(ErrorKind::ProcessLookupError)),
    ("EOFError", Builtin::Error(ErrorKind::EOFError)),
    ("FloatingPointError", Builtin::Error(ErrorKind::FloatingPointError)),
    ("BufferError", Builtin::Error(ErrorKind::BufferError)),
    ("ReferenceError", Builtin::Error(ErrorKind::ReferenceError)),
    ("SystemError", Builtin::Error(ErrorKind::SystemError)),
    ("StopAsyncIteration", Builtin::Error(ErrorKind::StopAsyncIteration)),
    ("UnicodeError", Builtin::Error(ErrorKind::UnicodeError)),
    ("Warning", Builtin::Error(ErrorKind::Warning)),
    ("UserWarning", Builtin::Error(ErrorKind::UserWarning)),
    ("DeprecationWarning", Builtin::Error(ErrorKind::DeprecationWarning)),
    ("PendingDeprecationWarning", Builtin::Error(ErrorKind::PendingDeprecationWarning)),
    ("RuntimeWarning", Builtin::Error(ErrorKind::RuntimeWarning)),
    ("FutureWarning", Builtin::Error(ErrorKind::FutureWarning)),
    ("SyntaxWarning", Builtin::Error(ErrorKind::SyntaxWarning)),
    ("ImportWarning", Builtin::Error(ErrorKind::ImportWarning)),
    ("UnicodeWarning", Builtin::Error(ErrorKind::UnicodeWarning)),
    ("BytesWarning", Builtin::Error(ErrorKind::BytesWarning)),
    ("ResourceWarning", Builtin::Error(ErrorKind::ResourceWarning)),
    ("EncodingWarning", Builtin::Error(ErrorKind::EncodingWarning)),
    ("format", Builtin::Format),
    ("object", Builtin::Object),
    ("type", Builtin::Type),
    ("tuple", Builtin::Tuple),
    ("dict", Builtin::Dict),
    ("bool", Builtin::Bool),
    ("isinstance", Builtin::Isinstance),
    ("issubclass", Builtin::Issubclass),
    ("getattr", Builtin::Getattr),
    ("setattr", Builtin::Setattr),
    ("hasattr", Builtin::Hasattr),
    ("callable", Builtin::Callable),
    ("super", Builtin::Super),
    ("property", Builtin::Property),
    ("staticmethod", Builtin::Staticmethod),
    ("classmethod", Builtin::Classmethod),
    ("NotImplemented", Builtin::NotImplemented),
    ("__init__", Builtin::ExceptionInit),
    ("__init__", Builtin::ObjectInit),
    ("setter", Builtin::PropertySetter),
    ("enumerate", Builtin::Enumerate),
    ("zip", Builtin::Zip),
    ("map", Builtin::Map),
    ("filter", Builtin::Filter),
    ("sorted", Builtin::Sorted),
    ("reversed", Builtin::Reversed),
    ("any", Builtin::Any),
    ("all", Builtin::All),
    ("iter", Builtin::Iter),
    ("next", Builtin::Next),
    ("float", Builtin::Float),
    ("round", Builtin::Round),
    ("pow", Builtin::Pow),
    ("divmod", Builtin::Divmod),
    ("slice", Builtin::Slice),
    ("set", Builtin::Set),
    ("frozenset", Builtin::FrozenSet),
    ("hash", Builtin::Hash),
    ("ord", Builtin::Ord),
    ("chr", Builtin::Chr),
    ("start_new_thread", Builtin::StartNewThread),
    ("_start_daemon", Builtin::StartDaemonThread),
    ("get_ident", Builtin::GetIdent),
    ("exit", Builtin::ThreadExit),
    ("stack_size", Builtin::StackSize),
    ("_set_current", Builtin::SetCurrent),
    ("_get_current", Builtin::GetCurrent),
    ("_enumerate", Builtin::EnumerateThreads),
    ("_count", Builtin::CountThreads),
    ("sleep", Builtin::Sleep),
    ("time", Builtin::Clock(Clock::Wall)),
    ("time_ns", Builtin::Clock(Clock::WallNs)),
    ("monotonic", Builtin::Clock(Clock::Monotonic)),
    ("monotonic_ns", Builtin::Clock(Clock::MonotonicNs)),
    ("write", Builtin::SysWrite),
    ("argv", Builtin::SysArgv),
    ("getswitchinterval", Builtin::GetSwitchInterval),
    ("setswitchinterval", Builtin::SetSwitchInterval),
    ("renamed", Builtin::RenamedFunction),
    ("class_names", Builtin::ClassNames),
    ("getrecursionlimit", Builtin::GetRecursionLimit),
    ("setrecursionlimit", Builtin::SetRecursionLimit),
    ("new", Builtin::RandomNew),
    ("seed", Builtin::RandomSeed),
    ("random", Builtin::RandomRandom),
    ("getrandbits", Builtin::RandomGetrandbits),
    ("randbelow", Builtin::RandomRandbelow),
    ("NoneType", Builtin::NoneType),
    ("_local", Builtin::ThreadLocal),
    ("bin", Builtin::Bin),
    ("oct", Builtin::Oct),
    ("hex", Builtin::Hex),
    ("id", Builtin::Id),
    ("delattr", Builtin::Delattr),
    ("ascii", Builtin::Ascii),
    ("exit", Builtin::Exit),
];

/// Builtins that are no global names: module functions and methods reached through classes.
fn hidden(b: Builtin) -> bool {
    matches!(
        b,
        Builtin::GcCollect
            | Builtin::ExceptionInit
            | Builtin::ObjectInit
            | Builtin::PropertySetter
            | Builtin::NoneType
            | Builtin::ThreadLocal
    ) || b.of_native_module()
}

/// The builtin a global name falls back to, if any.
pub fn lookup(name: &str) -> Option<BuiltinId> {
    // CPython's other names of `OSError`.
    let name = match name {
        "IOError" | "EnvironmentError" => "OSError",
        "quit" => "exit",
        _ => name,
    };
    TABLE.iter().position(|(n, b)| *n == name && !hidden(*b)).map(|i| BuiltinId(i as u16))
}

impl Builtin {
    pub fn id(self) -> BuiltinId {
        if let Builtin::Math(f) = self {
            let index = MathFn::ALL.iter().position(|(_, g)| *g == f).unwrap_or(0);
            return BuiltinId((TABLE.len() + index) as u16);
        }
        if let Builtin::TypeMethod(t) = self {
            return BuiltinId((TABLE.len() + MathFn::ALL.len() + t.index()) as u16);
        }
        BuiltinId(TABLE.iter().position(|(_, b)| *b == self).expect("every builtin is in the table") as u16)
    }

    pub fn from_id(id: BuiltinId) -> Builtin {
        match TABLE.get(id.0 as usize) {
            Some(&(_, b)) => b,
            None => match id.0 as usize - TABLE.len() {
                math if math < MathFn::ALL.len() => Builtin::Math(MathFn::ALL[math].1),
                other => Builtin::TypeMethod(TypeMethod::from_index(other - MathFn::ALL.len())),
            },
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Builtin::Math(f) => f.name(),
            Builtin::TypeMethod(t) => t.name(),
            _ => TABLE[self.id().0 as usize].0,
        }
    }

    /// Whether it is a function of a native module (`_thread`, `time`, `_emlab_sys`; see
    /// `interp::threadlib`), not a builtin a program names directly.
    pub fn of_native_module(self) -> bool {
        matches!(
            self,
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
                | Builtin::RenamedFunction
                | Builtin::ClassNames
                | Builtin::GetRecursionLimit
                | Builtin::SetRecursionLimit
                | Builtin::RandomNew
                | Builtin::RandomSeed
                | Builtin::RandomRandom
                | Builtin::RandomGetrandbits
                | Builtin::RandomRandbelow
                | Builtin::Math(_)
        )
    }

    /// Whether it is a class (`int`, `ValueError`, `object`): `type()` of it is `type`.
    pub fn is_class(self) -> bool {
        matches!(
            self,
            Builtin::Int
                | Builtin::Float
                | Builtin::Str
                | Builtin::List
                | Builtin::Range
                | Builtin::Object
                | Builtin::Type
                | Builtin::Tuple
                | Builtin::Dict
                | Builtin::Set
                | Builtin::FrozenSet
                | Builtin::Slice
                | Builtin::Bool
                | Builtin::Lock
                | Builtin::Property
                | Builtin::Staticmethod
                | Builtin::Classmethod
                | Builtin::Super
                | Builtin::NoneType
                | Builtin::ThreadLocal
                | Builtin::Error(_)
        )
    }
}

/// A method of a built-in type (`lst.append(x)`, `d.get(k)`, `lock.acquire()`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    Append,
    Pop,
    Insert,
    Extend,
    Index,
    Get,
    Keys,
    Values,
    Items,
    Acquire,
    Release,
    Split,
    Join,
    Strip,
    Lstrip,
    Rstrip,
    Replace,
    Find,
    Count,
    Startswith,
    Endswith,
    Upper,
    Lower,
    Isdigit,
    Isalpha,
    Isalnum,
    Isspace,
    Isupper,
    Islower,
    Isidentifier,
    Isdecimal,
    Ljust,
    Rjust,
    Center,
    Zfill,
    Partition,
    Rpartition,
    Rfind,
    Removeprefix,
    Removesuffix,
    Capitalize,
    Title,
    Swapcase,
    Splitlines,
    Format,
    Sort,
    Reverse,
    Locked,
    Remove,
    Copy,
    Clear,
    Setdefault,
    Update,
    Popitem,
    Send,
    Throw,
    Close,
    Add,
    Discard,
    Union,
    Intersection,
    Difference,
    SymmetricDifference,
    Issubset,
    Issuperset,
    Isdisjoint,
    IntersectionUpdate,
    DifferenceUpdate,
    SymmetricDifferenceUpdate,
}

/// Every method of the built-in types, by name (a method's index here is its id in
/// [`TypeMethod`]).
pub const METHODS: &[(&str, Method)] = &[
    ("append", Method::Append),
    ("pop", Method::Pop),
    ("insert", Method::Insert),
    ("extend", Method::Extend),
    ("index", Method::Index),
    ("get", Method::Get),
    ("keys", Method::Keys),
    ("values", Method::Values),
    ("items", Method::Items),
    ("acquire", Method::Acquire),
    ("release", Method::Release),
    ("split", Method::Split),
    ("join", Method::Join),
    ("strip", Method::Strip),
    ("lstrip", Method::Lstrip),
    ("rstrip", Method::Rstrip),
    ("replace", Method::Replace),
    ("find", Method::Find),
    ("count", Method::Count),
    ("startswith", Method::Startswith),
    ("endswith", Method::Endswith),
    ("upper", Method::Upper),
    ("lower", Method::Lower),
    ("isdigit", Method::Isdigit),
    ("isalpha", Method::Isalpha),
    ("isalnum", Method::Isalnum),
    ("isspace", Method::Isspace),
    ("isupper", Method::Isupper),
    ("islower", Method::Islower),
    ("isidentifier", Method::Isidentifier),
    ("isdecimal", Method::Isdecimal),
    ("ljust", Method::Ljust),
    ("rjust", Method::Rjust),
    ("center", Method::Center),
    ("zfill", Method::Zfill),
    ("partition", Method::Partition),
    ("rpartition", Method::Rpartition),
    ("rfind", Method::Rfind),
    ("removeprefix", Method::Removeprefix),
    ("removesuffix", Method::Removesuffix),
    ("capitalize", Method::Capitalize),
    ("title", Method::Title),
    ("swapcase", Method::Swapcase),
    ("splitlines", Method::Splitlines),
    ("format", Method::Format),
    ("sort", Method::Sort),
    ("reverse", Method::Reverse),
    ("locked", Method::Locked),
    ("remove", Method::Remove),
    ("copy", Method::Copy),
    ("clear", Method::Clear),
    ("setdefault", Method::Setdefault),
    ("update", Method::Update),
    ("popitem", Method::Popitem),
    ("send", Method::Send),
    ("throw", Method::Throw),
    ("close", Method::Close),
    ("add", Method::Add),
    ("discard", Method::Discard),
    ("union", Method::Union),
    ("intersection", Method::Intersection),
    ("difference", Method::Difference),
    ("symmetric_difference", Method::SymmetricDifference),
    ("issubset", Method::Issubset),
    ("issuperset", Method::Issuperset),
    ("isdisjoint", Method::Isdisjoint),
    ("intersection_update", Method::IntersectionUpdate),
    ("difference_update", Method::DifferenceUpdate),
    ("symmetric_difference_update", Method::SymmetricDifferenceUpdate),
];

impl Method {
    pub fn lookup(name: &str) -> Option<Method> {
        METHODS.iter().find(|(n, _)| *n == name).map(|&(_, m)| m)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_round_trip_and_module_functions_are_not_globals() {
        for (name, builtin) in TABLE {
            assert_eq!(Builtin::from_id(builtin.id()), *builtin);
            assert_eq!(builtin.name(), *name);
        }
        assert_eq!(lookup("collect"), None);
        assert_eq!(lookup("__init__"), None);
        assert_eq!(lookup("len").map(Builtin::from_id), Some(Builtin::Len));
        for kind in ErrorKind::PYTHON {
            assert_eq!(lookup(kind.name()).map(Builtin::from_id), Some(Builtin::Error(kind)));
        }
    }
}
