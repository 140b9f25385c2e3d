//! The heap-only operations over a heap built directly, with no VM and no thread.

use super::eq::key_eq;
use super::repr::int_text;
use super::*;
use crate::bytecode::FuncId;
use crate::error::ErrorKind;
use crate::heap::dict::Dict;
use crate::heap::{Iter, LockObject, Object, StrObject, ThreadObject, ViewKind};
use crate::value::Value;

/// A heap and a program with one function, `f`, to build values in.
struct Fixture {
    heap: Heap,
    program: Program,
}

impl Fixture {
    fn new() -> Fixture {
        let program = crate::compile_source("def f():\n    pass\n", "t.py").expect("compiles");
        Fixture { heap: Heap::new(1 << 20, 1), program }
    }

    fn cx(&self) -> Context<'_> {
        Context { heap: &self.heap, program: &self.program, nesting_limit: 100, specials: None }
    }

    fn obj(&self, object: Object) -> Value {
        Value::obj(self.heap.alloc(object).expect("fits"))
    }

    fn str(&self, text: &str) -> Value {
        self.obj(Object::Str(StrObject::new(text)))
    }

    fn list(&self, items: &[Value]) -> Value {
        self.obj(Object::List(items.to_vec()))
    }

    fn tuple(&self, items: &[Value]) -> Value {
        self.obj(Object::Tuple(items.into()))
    }

    fn dict(&self, pairs: &[(Value, Value)]) -> Value {
        let mut dict = Dict::new();
        for &(k, v) in pairs {
            let hash = hash_key(self.cx(), k).expect("hashable");
            dict.insert(hash, k, v, |other| key_eq(self.cx(), other, k));
        }
        self.obj(Object::Dict(Box::new(dict)))
    }

    fn repr(&self, v: Value) -> String {
        repr_of(self.cx(), v).expect("repr")
    }

    fn eq(&self, a: Value, b: Value) -> bool {
        equal(self.cx(), a, b).expect("comparable")
    }

    fn truth(&self, v: Value) -> bool {
        truthy(&self.heap, v).expect("live")
    }
}

#[test]
fn repr_of_nested_containers_quotes_strings() {
    let f = Fixture::new();
    let inner = f.list(&[Value::int(1), f.str("a'b"), Value::NONE]);
    let pair = f.tuple(&[Value::bool(true), f.str("x")]);
    let single = f.tuple(&[Value::int(-3)]);
    let dict = f.dict(&[(f.str("k"), inner), (Value::int(2), pair), (single, f.tuple(&[]))]);
    assert_eq!(f.repr(dict), "{'k': [1, \"a'b\", None], 2: (True, 'x'), (-3,): ()}");
}

#[test]
fn repr_of_a_cycle_prints_dots() {
    let f = Fixture::new();
    let list = f.list(&[Value::int(1)]);
    let Some(h) = list.handle() else { unreachable!() };
    f.heap
        .write(h, |o| {
            if let Object::List(items) = o {
                items.push(list)
            }
        })
        .expect("live");
    assert_eq!(f.repr(list), "[1, [...]]");
}

#[test]
fn repr_too_deep_is_a_recursion_error() {
    let f = Fixture::new();
    let mut v = Value::int(0);
    for _ in 0..5 {
        v = f.list(&[v]);
    }
    let shallow = Context { nesting_limit: 3, ..f.cx() };
    assert_eq!(repr_of(shallow, v).unwrap_err().kind, ErrorKind::RecursionError);
    assert_eq!(f.repr(v), "[[[[[0]]]]]");
}

#[test]
fn str_of_a_string_is_its_text_and_repr_quotes_it() {
    let f = Fixture::new();
    let s = f.str("it's\n");
    assert_eq!(str_of(f.cx(), s).unwrap(), "it's\n");
    assert_eq!(f.repr(s), "\"it's\\n\"");
    let list = f.list(&[s]);
    assert_eq!(str_of(f.cx(), list).unwrap(), "[\"it's\\n\"]", "str of a list shows its items' reprs");
    assert_eq!(str_of(f.cx(), Value::int(7)).unwrap(), "7");
    assert_eq!(str_of(f.cx(), Value::NONE).unwrap(), "None");
}

#[test]
fn repr_of_other_values() {
    let f = Fixture::new();
    assert_eq!(f.repr(Value::func(FuncId(1))), "<function f>");
    assert_eq!(f.repr(f.obj(Object::Range { start: 0, stop: 5, step: 1 })), "range(0, 5)");
    assert_eq!(f.repr(f.obj(Object::Range { start: 5, stop: 0, step: -2 })), "range(5, 0, -2)");
    let dict = f.dict(&[(f.str("a"), Value::int(1))]);
    let Some(d) = dict.handle() else { unreachable!() };
    assert_eq!(f.repr(f.obj(Object::View { dict: d, kind: ViewKind::Keys })), "dict_keys(['a'])");
    assert_eq!(f.repr(f.obj(Object::View { dict: d, kind: ViewKind::Values })), "dict_values([1])");
    assert_eq!(f.repr(f.obj(Object::View { dict: d, kind: ViewKind::Items })), "dict_items([('a', 1)])");
    let lock = f.obj(Object::Lock(LockObject { held: true, waiters: 0 }));
    let Some(l) = lock.handle() else { unreachable!() };
    assert_eq!(f.repr(lock), format!("<locked _thread.lock object #{}>", l.number()));
}

#[test]
fn truthy_of_empty_and_non_empty_values() {
    let f = Fixture::new();
    for falsy in [
        Value::NONE,
        Value::bool(false),
        Value::int(0),
        f.str(""),
        f.list(&[]),
        f.tuple(&[]),
        f.dict(&[]),
        f.obj(Object::Range { start: 3, stop: 3, step: 1 }),
    ] {
        assert!(!f.truth(falsy), "{} should be false", f.repr(falsy));
    }
    for truthy in [
        Value::bool(true),
        Value::int(-1),
        Value::func(FuncId(1)),
        f.str("0"),
        f.list(&[Value::NONE]),
        f.tuple(&[Value::int(0)]),
        f.dict(&[(Value::int(0), Value::int(0))]),
        f.obj(Object::Range { start: 0, stop: 1, step: 1 }),
        f.obj(Object::Lock(LockObject::default())),
    ] {
        assert!(f.truth(truthy), "{} should be true", f.repr(truthy));
    }
}

#[test]
fn equal_follows_python() {
    let f = Fixture::new();
    let (one, two) = (Value::int(1), Value::int(2));
    assert!(!f.eq(f.list(&[one, two]), f.tuple(&[one, two])), "a list never equals a tuple");
    assert!(f.eq(f.list(&[one, two]), f.list(&[one, two])));
    assert!(f.eq(Value::int(1), Value::bool(true)) && f.eq(Value::bool(false), Value::int(0)));
    assert!(!f.eq(Value::int(2), Value::bool(true)));
    assert!(!f.eq(Value::int(0), Value::NONE));
    assert!(f.eq(f.str("ab"), f.str("ab")), "distinct str objects with the same text");
    assert!(!f.eq(f.str("1"), one));
    let nested = |f: &Fixture, last| f.list(&[f.tuple(&[one, f.str("x")]), f.dict(&[(f.str("k"), f.list(&[last]))])]);
    assert!(f.eq(nested(&f, two), nested(&f, two)));
    assert!(!f.eq(nested(&f, two), nested(&f, one)));
    assert!(f.eq(nested(&f, Value::bool(true)), nested(&f, one)), "True == 1 inside containers too");
    let (ab, ba) = (f.dict(&[(f.str("a"), one), (f.str("b"), two)]), f.dict(&[(f.str("b"), two), (f.str("a"), one)]));
    assert!(f.eq(ab, ba), "dicts compare regardless of order");
    assert!(
        f.eq(f.obj(Object::Range { start: 0, stop: 0, step: 1 }), f.obj(Object::Range { start: 5, stop: 1, step: 2 }))
    );
}

#[test]
fn equal_too_deep_is_a_recursion_error() {
    let f = Fixture::new();
    let deep = |f: &Fixture| (0..5).fold(Value::int(0), |v, _| f.list(&[v]));
    let (a, b) = (deep(&f), deep(&f));
    let shallow = Context { nesting_limit: 3, ..f.cx() };
    assert_eq!(equal(shallow, a, b).unwrap_err().kind, ErrorKind::RecursionError);
    assert!(f.eq(a, b));
}

#[test]
fn hash_key_refuses_mutable_containers() {
    let f = Fixture::new();
    let err = hash_key(f.cx(), f.list(&[])).unwrap_err();
    assert_eq!((err.kind, err.message.as_str()), (ErrorKind::TypeError, "unhashable type: 'list'"));
    let key = |f: &Fixture| f.tuple(&[Value::int(1), f.str("a")]);
    assert_eq!(hash_key(f.cx(), key(&f)).unwrap(), hash_key(f.cx(), key(&f)).unwrap());
    assert_eq!(hash_key(f.cx(), Value::bool(true)).unwrap(), hash_key(f.cx(), Value::int(1)).unwrap());
}

#[test]
fn type_name_of_each_kind() {
    let f = Fixture::new();
    let dict = f.dict(&[]);
    let Some(d) = dict.handle() else { unreachable!() };
    let list = f.list(&[]);
    let Some(l) = list.handle() else { unreachable!() };
    let cases = [
        (Value::NONE, "NoneType"),
        (Value::bool(true), "bool"),
        (Value::int(3), "int"),
        (Value::func(FuncId(1)), "function"),
        (f.str("s"), "str"),
        (list, "list"),
        (f.tuple(&[]), "tuple"),
        (dict, "dict"),
        (f.obj(Object::Range { start: 0, stop: 1, step: 1 }), "range"),
        (f.obj(Object::View { dict: d, kind: ViewKind::Keys }), "dict_keys"),
        (f.obj(Object::View { dict: d, kind: ViewKind::Items }), "dict_items"),
        (f.obj(Object::Iter(Box::new(Iter::Seq { seq: l, index: 0 }))), "iterator"),
        (f.obj(Object::Iter(Box::new(Iter::Range { next: 0, stop: 1, step: 1 }))), "range_iterator"),
        (f.obj(Object::Lock(LockObject::default())), "lock"),
        (f.obj(Object::Thread(ThreadObject { number: 1, result: None })), "thread"),
    ];
    for (value, name) in cases {
        assert_eq!(type_name(&f.heap, value).unwrap(), name);
    }
}

#[test]
fn int_text_is_the_decimal_text_of_every_int() {
    for i in [0, 7, -7, 10, 99, 100, 1234567890, i64::MAX, i64::MIN, -1_000_000] {
        assert_eq!(&*int_text(i), i.to_string(), "{i}");
    }
}

#[test]
fn dict_lookup_finds_keys_by_value_whatever_their_kind() {
    let f = Fixture::new();
    let tuple = |f: &Fixture| f.tuple(&[Value::int(1), f.str("a")]);
    let d = f.dict(&[
        (f.str("key"), Value::int(1)),
        (Value::int(2), Value::int(20)),
        (tuple(&f), Value::int(3)),
        (f.str(""), Value::int(4)),
    ]);
    let Some(d) = d.handle() else { unreachable!() };
    let look = |key: Value| dict_lookup(f.cx(), d, key).expect("hashable");
    // A str key is read once and compared by text with the stored key, a different object.
    assert_eq!(look(f.str("key")), Some(Value::int(1)));
    assert_eq!(look(f.str("")), Some(Value::int(4)));
    assert_eq!(look(f.str("kez")), None);
    assert_eq!(look(Value::bool(false)), None);
    assert_eq!(look(Value::int(2)), Some(Value::int(20)));
    assert_eq!(look(tuple(&f)), Some(Value::int(3)));
    let err = dict_lookup(f.cx(), d, f.list(&[])).unwrap_err();
    assert_eq!((err.kind, err.message.as_str()), (ErrorKind::TypeError, "unhashable type: 'list'"));
}
