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
];

/// Builtins that are no global names: module functions and methods reached through classes.
const HIDDEN: [Builtin; 4] = [Builtin::GcCollect, Builtin::ExceptionInit, Builtin::ObjectInit, Builtin::PropertySetter];

/// The builtin a global name falls back to, if any.
pub fn lookup(name: &str) -> Option<BuiltinId> {
    TABLE.iter().position(|(n, b)| *n == name && !HIDDEN.contains(b)).map(|i| BuiltinId(i as u16))
}

impl Builtin {
    pub fn id(self) -> BuiltinId {
        BuiltinId(TABLE.iter().position(|(_, b)| *b == self).expect("every builtin is in the table") as u16)
    }

    pub fn from_id(id: BuiltinId) -> Builtin {
        TABLE[id.0 as usize].1
    }

    pub fn name(self) -> &'static str {
        TABLE[self.id().0 as usize].0
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
                | Builtin::Bool
                | Builtin::Property
                | Builtin::Staticmethod
                | Builtin::Classmethod
                | Builtin::Super
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
    Format,
    Sort,
    Reverse,
}

impl Method {
    pub fn lookup(name: &str) -> Option<Method> {
        Some(match name {
            "append" => Method::Append,
            "pop" => Method::Pop,
            "insert" => Method::Insert,
            "extend" => Method::Extend,
            "index" => Method::Index,
            "get" => Method::Get,
            "keys" => Method::Keys,
            "values" => Method::Values,
            "items" => Method::Items,
            "acquire" => Method::Acquire,
            "release" => Method::Release,
            "split" => Method::Split,
            "join" => Method::Join,
            "strip" => Method::Strip,
            "lstrip" => Method::Lstrip,
            "rstrip" => Method::Rstrip,
            "replace" => Method::Replace,
            "find" => Method::Find,
            "count" => Method::Count,
            "startswith" => Method::Startswith,
            "endswith" => Method::Endswith,
            "upper" => Method::Upper,
            "lower" => Method::Lower,
            "isdigit" => Method::Isdigit,
            "format" => Method::Format,
            "sort" => Method::Sort,
            "reverse" => Method::Reverse,
            _ => return None,
        })
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
