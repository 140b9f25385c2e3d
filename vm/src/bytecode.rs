//! The instruction set and the compiled program.
//!
//! A stack machine in the style of clox and CPython: each function is a [`Code`]
//! object holding its instructions, a source line per instruction, and the
//! number of local slots. Locals are resolved at compile time to slot numbers,
//! globals to indices into the global table, so no lookup at run time is by name.

use crate::ast::{BinOp, CmpOp, UnaryOp};

/// Index of a function's [`Code`] in [`Program::codes`]; 0 is the module body.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct FuncId(pub u32);

/// One VM instruction. Jump targets are instruction indices within the same code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Op {
    /// Push `program.consts[index]`.
    LoadConst {
        index: u32,
    },
    LoadNone,
    LoadBool {
        value: bool,
    },
    LoadSmallInt {
        value: i32,
    },
    LoadFunc {
        func: FuncId,
    },
    LoadLocal {
        slot: u16,
    },
    StoreLocal {
        slot: u16,
    },
    /// In a class body: push local `slot`, or while it is unbound the global `global` (or the
    /// builtin of that name), as CPython's `LOAD_NAME` looks a class body's names up.
    LoadClassLocal {
        slot: u16,
        global: u32,
    },
    /// Push a global; if it is unbound, fall back to the builtin of the same name, if any.
    LoadGlobal {
        global: u32,
    },
    StoreGlobal {
        global: u32,
    },
    Pop,
    Dup,
    /// Duplicate the top two values: `a b` -> `a b a b`.
    DupTwo,
    /// Move the top value under the next two: `a b c` -> `c a b`.
    Rot3,
    Unary {
        op: UnaryOp,
    },
    Binary {
        op: BinOp,
    },
    /// An augmented assignment's operator: like `Binary`, but `+=` and `*=` on a list change it in place.
    InplaceBinary {
        op: BinOp,
    },
    Compare {
        op: CmpOp,
    },
    Jump {
        target: u32,
    },
    /// Backward jump closing a loop body: a safepoint.
    Loop {
        target: u32,
    },
    /// Pop; jump if falsy.
    JumpIfFalse {
        target: u32,
    },
    /// `LoadSmallInt { value }` then `Binary { op }`, fused by [`Program::fuse`].
    BinarySmallInt {
        op: BinOp,
        value: i32,
    },
    /// `LoadSmallInt { value }`, `Compare { op }`, `JumpIfFalse { target }`, fused by [`Program::fuse`].
    CompareSmallIntJumpIfFalse {
        op: CmpOp,
        value: i32,
        target: u32,
    },
    /// `Compare { op }` then `JumpIfFalse { target }`, fused by [`Program::fuse`].
    CompareJumpIfFalse {
        op: CmpOp,
        target: u32,
    },
    /// `InplaceBinary { op }` then `StoreLocal { slot }`, fused by [`Program::fuse`].
    InplaceBinaryStoreLocal {
        op: BinOp,
        slot: u16,
    },
    /// `LoadLocal { slot: first }` then `LoadLocal { slot: second }`, fused by [`Program::fuse`].
    LoadLocalPair {
        first: u16,
        second: u16,
    },
    /// `LoadLocal { slot }`, `LoadSmallInt { value }`, `Binary { op }`, fused by [`Program::fuse`].
    LocalBinarySmallInt {
        slot: u16,
        op: BinOp,
        value: i32,
    },
    /// `LoadLocal { slot }`, `LoadSmallInt { value }`, `Compare { op }`, `JumpIfFalse { target }`,
    /// fused by [`Program::fuse`].
    LocalCompareSmallIntJumpIfFalse {
        slot: u16,
        op: CmpOp,
        value: i32,
        target: u32,
    },
    /// `ForIter { exit }` then `StoreLocal { slot }`, fused by [`Program::fuse`].
    ForIterStoreLocal {
        exit: u32,
        slot: u16,
    },
    /// Pop; jump if truthy.
    JumpIfTrue {
        target: u32,
    },
    /// If falsy, jump and keep the value; otherwise pop it (`and`).
    JumpIfFalseOrPop {
        target: u32,
    },
    /// If truthy, jump and keep the value; otherwise pop it (`or`).
    JumpIfTrueOrPop {
        target: u32,
    },
    BuildList {
        count: u32,
    },
    BuildTuple {
        count: u32,
    },
    /// Pops `count` key/value pairs pushed in order.
    BuildDict {
        count: u32,
    },
    /// `obj index` -> `obj[index]`
    GetItem,
    /// `value obj index` -> (stores `obj[index] = value`)
    SetItem,
    /// `obj index` -> (`del obj[index]`)
    DeleteItem,
    /// `obj` -> (`del obj.name`; `key` is the constant of the name, as for `SetAttr`)
    DeleteAttr {
        name: u32,
        key: u32,
    },
    /// `del x` of a local: unbinds it.
    DeleteLocal {
        slot: u16,
    },
    /// `del x` of a global: unbinds it.
    DeleteGlobal {
        global: u32,
    },
    /// `obj` -> `obj.name`.
    GetAttr {
        name: u32,
    },
    /// `value obj` -> (sets `obj.name = value`); `key` is the constant holding the name as a
    /// str, the key an instance's attribute dict stores it under.
    SetAttr {
        name: u32,
        key: u32,
    },
    /// At the end of a class body: push a dict of the body's bound locals, each under its name
    /// (`Code::namespace_keys`).
    BuildNamespace,
    /// `bases... namespace` -> a new class whose qualified name is `program.names[name]` (a
    /// `class` statement; `bases` is 0 or 1).
    BuildClass {
        name: u32,
        bases: u32,
    },
    /// `obj` -> `obj`: raises AttributeError if `obj` has no method `name`, before the call's
    /// arguments are evaluated (as Python looks the method up first).
    CheckMethod {
        name: u32,
    },
    /// `obj args...` -> result of `obj.name(args...)`.
    CallMethod {
        name: u32,
        argc: u32,
    },
    /// `func args...` -> result.
    Call {
        argc: u32,
    },
    /// `func args... values...` -> result, where the last values are keyword arguments named
    /// `program.keyword_names[names]` (CPython's `KW_NAMES` and `CALL`); `argc` counts them all.
    CallKw {
        argc: u32,
        names: u32,
    },
    /// `obj args... values...` -> result of `obj.name(args..., keywords...)`, as `CallKw`
    /// (narrower fields, so that no instruction is wider than 12 bytes).
    CallMethodKw {
        name: u32,
        argc: u16,
        names: u16,
    },
    /// `func list dict` -> result: `func(*list, **dict)`, for calls with `*xs` or `**kw`.
    CallEx,
    /// `obj list dict` -> result of `obj.name(*list, **dict)`.
    CallMethodEx {
        name: u32,
    },
    /// `list value` -> `list` with `value` appended (building a call's positional arguments).
    ListAppend,
    /// `list iterable` -> `list` extended by the iterable's items (`*xs` in a call).
    ListExtend,
    /// `dict mapping` -> `dict` with the mapping's items set in it (`**m` in a dict display).
    DictMerge,
    /// `func list dict key value` -> `func list dict` with `dict[key] = value` (a keyword
    /// argument); a name given twice is the TypeError CPython raises for the call `func`.
    KeywordAdd,
    /// `func list dict mapping` -> `func list dict` with the mapping's items added (`**kw`).
    KeywordMerge,
    /// `defaults... cells...` -> a function object for `func` holding the `count` defaults and,
    /// as its closure, one cell per free variable of `func` (a `def` with default values, or one
    /// nested in a function that it takes names from).
    MakeFunction {
        func: FuncId,
        count: u32,
    },
    /// Replaces local `slot`'s value by a new cell holding it (a local that nested functions
    /// share; an unassigned one makes an empty cell).
    MakeCell {
        slot: u16,
    },
    /// Push the value in the cell in local `slot` (a shared local, or a free variable).
    LoadDeref {
        slot: u16,
    },
    /// Pop a value into the cell in local `slot`.
    StoreDeref {
        slot: u16,
    },
    /// Push the cell itself in local `slot` (for the closure of a nested function).
    LoadCell {
        slot: u16,
    },
    /// `value` -> (appends `value` to the list in local `slot`: a list comprehension's result).
    AppendTo {
        slot: u16,
    },
    /// `key value` -> (sets `d[key] = value` in the dict in local `slot`: a dict comprehension's
    /// result).
    SetEntryIn {
        slot: u16,
    },
    Return,
    /// `iterable` -> iterator.
    GetIter,
    /// With an iterator on top: push its next item, or pop it and jump to `exit` when done.
    ForIter {
        exit: u32,
    },
    /// `seq` -> its `count` items, the first on top.
    Unpack {
        count: u32,
    },
    /// `seq` -> its first `before` items, a list of the middle ones, its last `after` items, the
    /// first on top (`a, *rest, z = seq`).
    UnpackEx {
        before: u16,
        after: u16,
    },
    /// `list iterable` -> `list` extended by the iterable's items (`*xs` in a display).
    DisplayExtend,
    /// `list` -> a tuple, or a set, of its items (a display with `*xs` is built as a list).
    ListToTuple,
    ListToSet,
    /// `module` -> `module module.name`, or ImportError (`from module import name`).
    ImportFrom {
        name: u32,
    },
    /// Push the module named `program.names[name]`.
    Import {
        name: u32,
    },
    /// `ctx` -> (acquires the lock, or calls `ctx.__enter__()`, and remembers `ctx` for
    /// `WithEnd` and `WithExit`), then enters a block whose handler (at `handler`) runs
    /// `WithExit` on the way out of an exception. With `bind`, pushes what `__enter__` returned
    /// (`True` for a lock), for `as`.
    WithEnter {
        handler: u32,
        bind: bool,
    },
    /// The end of a `with` body: leaves its block and releases the lock of the innermost `with`
    /// (or calls its `__exit__(None, None, None)`).
    WithEnd,
    /// `exc` -> `exc suppress`: releases the lock of the innermost `with` (`suppress` is
    /// false) or calls its `__exit__` with the exception (`suppress` is whether it returned a
    /// true value).
    WithExit,
    /// Enters a `try` block whose handler is at `handler`: an exception raised until the matching
    /// `PopBlock` unwinds the stack to its height here, pushes the exception and jumps there.
    SetupTry {
        handler: u32,
    },
    /// Leaves the innermost `try` block.
    PopBlock,
    /// `exc class` -> `bool`: whether the exception is an instance of the class (or of one in a
    /// tuple of classes), for an `except` clause.
    ExceptMatch,
    /// `exc` -> (leaves the handler of `exc`).
    PopExcept,
    /// `exc` -> (raises `exc` again, from where it was first raised; a handler found no match,
    /// or a `finally` or `with` ran on the way out).
    Reraise,
    /// `raise` (bare: the exception being handled), `raise exc`, `raise exc from cause`:
    /// `argc` values on the stack.
    Raise {
        argc: u32,
    },
    /// `a b` -> `b a`.
    Swap,
    /// `value [spec]` -> `str`: an f-string's field, converted (`conversion` is `b's'`, `b'r'`,
    /// `b'a'` or 0 for none), then formatted by the spec on top when `spec`.
    FormatValue {
        conversion: u8,
        spec: bool,
    },
    /// `str...` -> their concatenation (`count` of them).
    BuildString {
        count: u32,
    },
    /// Raise AssertionError, with the message on top of the stack if `has_message`.
    AssertFail {
        has_message: bool,
    },
    /// `item...` -> `set` (`count` items, added in order). `folded`: the items are constants,
    /// which CPython folds into a frozenset and copies into the new set (another table order).
    BuildSet {
        count: u32,
        folded: bool,
    },
    /// `item` -> (adds it to the set in local `slot`: a set comprehension's item).
    SetAddTo {
        slot: u16,
    },
    /// `lower upper step` -> `slice`.
    BuildSlice,
    /// The first instruction of a generator function: moves the frame (its arguments bound) into
    /// a new generator object and returns that from the call.
    GenStart,
    /// `value` -> (a generator function's `return`: the generator is finished, and its
    /// resumption returns `value`). The compiler emits it for every `Return` of generator code.
    GenReturn,
    /// `value` -> `sent`: suspends the generator, which gives `value` to whoever resumed it; when
    /// it is resumed, the value sent (None for `next`) is pushed.
    Yield,
    /// `iterator sent` -> `result`: `yield from`: resumes `iterator` with `sent` and, while it
    /// yields, suspends with what it yielded (coming back here with the next value sent); when it
    /// is exhausted, pushes its return value.
    YieldFrom,
}

/// A compile-time constant that needs the heap (ints that don't fit `LoadSmallInt`, strings).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Const {
    Int(i64),
    /// An int past 64 bits, as its decimal digits.
    BigInt(String),
    /// A float, as the bits of its value.
    Float(u64),
    Str(String),
}

/// One function body (or the module body).
#[derive(Debug, Clone)]
pub struct Code {
    /// The function's name, or `<module>` (tracebacks name it).
    pub name: String,
    /// Its qualified name (`C.method`): call errors and reprs name it.
    pub qualname: String,
    /// For a class body: the constant holding each local's name, in slot order (the keys of
    /// the namespace `BuildNamespace` builds).
    pub namespace_keys: Vec<u32>,
    /// Positional(-or-keyword) parameters.
    pub params: u32,
    /// Keyword-only parameters (after `*` or `*args`).
    pub kwonly: u32,
    /// Whether the function takes `*args` (in the local slot after the keyword-only ones).
    pub varargs: bool,
    /// Whether the function takes `**kwargs` (in the slot after `*args`).
    pub varkw: bool,
    /// Each parameter's slot that a default value goes to, in the order `MakeFunction` pops them.
    pub default_slots: Vec<u16>,
    /// `params` when a call with that many positional arguments binds them as they are (no
    /// keyword-only parameters, no `*args` or `**kwargs`); otherwise `u32::MAX`, which no call
    /// matches: one comparison on the call path.
    pub plain_arity: u32,
    /// Parameters first (positional, keyword-only, `*args`, `**kwargs`), then other locals, then
    /// the free variables.
    pub local_names: Vec<String>,
    /// How many of the last local slots are free variables: a call fills them with the cells of
    /// the function's closure.
    pub frees: u32,
    pub ops: Vec<Op>,
    /// Source line of each instruction.
    pub lines: Vec<u32>,
    /// The library module (an index in `library::ALL`) it belongs to; `None`: the program's.
    pub library: Option<u16>,
    /// A generator function (or generator expression): a call makes a generator (see
    /// `Op::GenStart`), and its `return` ends the generator.
    pub generator: bool,
}

/// A library module compiled into the program (see `library`).
#[derive(Debug, Clone)]
pub struct LibraryModule {
    /// Its index in `library::ALL`.
    pub index: usize,
    /// The code of its body, run once, by the first import.
    pub body: FuncId,
    /// Its global names (without the module's prefix), to their indices: its attributes.
    pub exports: std::collections::HashMap<String, u32>,
}

/// A compiled program: every function, the constants, and the global name table.
#[derive(Debug, Clone)]
pub struct Program {
    /// The file name used in error messages and traces.
    pub file: String,
    pub source: String,
    pub codes: Vec<Code>,
    pub consts: Vec<Const>,
    pub globals: Vec<String>,
    /// Attribute, method and module names.
    pub names: Vec<String>,
    /// The keyword names of each call with keyword arguments (`CallKw`, `CallMethodKw`).
    pub keyword_names: Vec<Box<[String]>>,
    /// The library modules the program imports (and those they import).
    pub libraries: Vec<LibraryModule>,
}

impl Program {
    /// The compiled library module at `index` in `library::ALL`, if the program has it.
    pub fn library(&self, index: usize) -> Option<&LibraryModule> {
        self.libraries.iter().find(|l| l.index == index)
    }

    pub fn code(&self, func: FuncId) -> &Code {
        &self.codes[func.0 as usize]
    }

    /// Fuses common runs of instructions into one (superinstructions): a small int operand and
    /// its operator (with the local it applies to), a comparison and the jump on its result, an
    /// augmented assignment's operator and its store, two local loads, a `for` loop's step and
    /// its store. Each fused instruction takes the place of the first of its run, does what
    /// the run does, and continues after it; the rest of the run stays where it was, so a jump
    /// into the middle of a run, and every instruction's line, are as before. The interpreter
    /// counts a fused instruction as the instructions it stands for (`--max-steps`, the switch
    /// interval). For `emlab run`, not under the checker, whose traces name single instructions.
    pub fn fuse(&mut self) {
        for code in &mut self.codes {
            let original = code.ops.clone();
            for (at, fused) in code.ops.iter_mut().enumerate() {
                if let Some(op) = fused_at(&original[at..]) {
                    *fused = op;
                }
            }
        }
    }

    /// The text of a source line (1-based), without its newline.
    pub fn source_line(&self, line: u32) -> Option<&str> {
        self.source.lines().nth((line as usize).checked_sub(1)?)
    }
}

/// The fused instruction for the run of instructions that `ops` starts with, if it is one (see
/// [`Program::fuse`]).
fn fused_at(ops: &[Op]) -> Option<Op> {
    // The longest run first.
    Some(match *ops {
        [Op::LoadLocal { slot }, Op::LoadSmallInt { value }, Op::Compare { op }, Op::JumpIfFalse { target }, ..] => {
            Op::LocalCompareSmallIntJumpIfFalse { slot, op, value, target }
        }
        [Op::LoadLocal { slot }, Op::LoadSmallInt { value }, Op::Binary { op }, ..] => {
            Op::LocalBinarySmallInt { slot, op, value }
        }
        [Op::LoadSmallInt { value }, Op::Compare { op }, Op::JumpIfFalse { target }, ..] => {
            Op::CompareSmallIntJumpIfFalse { op, value, target }
        }
        [Op::LoadLocal { slot: first }, Op::LoadLocal { slot: second }, ..] => Op::LoadLocalPair { first, second },
        [Op::ForIter { exit }, Op::StoreLocal { slot }, ..] => Op::ForIterStoreLocal { exit, slot },
        [Op::LoadSmallInt { value }, Op::Binary { op }, ..] => Op::BinarySmallInt { op, value },
        [Op::Compare { op }, Op::JumpIfFalse { target }, ..] => Op::CompareJumpIfFalse { op, target },
        [Op::InplaceBinary { op }, Op::StoreLocal { slot }, ..] => Op::InplaceBinaryStoreLocal { op, slot },
        _ => return None,
    })
}

impl Op {
    /// How many instructions of the compiled program this one stands for: more than one for a
    /// fused instruction (see [`Program::fuse`]).
    pub fn width(self) -> usize {
        match self {
            Op::LocalCompareSmallIntJumpIfFalse { .. } => 4,
            Op::CompareSmallIntJumpIfFalse { .. } | Op::LocalBinarySmallInt { .. } => 3,
            Op::BinarySmallInt { .. }
            | Op::CompareJumpIfFalse { .. }
            | Op::InplaceBinaryStoreLocal { .. }
            | Op::LoadLocalPair { .. }
            | Op::ForIterStoreLocal { .. } => 2,
            _ => 1,
        }
    }
}

#[cfg(test)]
mod tests {
    /// The dispatch loop reads one instruction per step: every variant stays within 12 bytes.
    #[test]
    fn an_instruction_is_twelve_bytes() {
        assert_eq!(std::mem::size_of::<super::Op>(), 12);
    }
}
