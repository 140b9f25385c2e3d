//! The names of built-in functions and methods. Their behaviour lives in `interp::calls`.

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
];
const GLOBAL_COUNT: usize = 14;

/// The builtin a global name falls back to, if any.
pub fn lookup(name: &str) -> Option<BuiltinId> {
    TABLE[..GLOBAL_COUNT].iter().position(|(n, _)| *n == name).map(|i| BuiltinId(i as u16))
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
        assert_eq!(lookup("len").map(Builtin::from_id), Some(Builtin::Len));
    }
}
