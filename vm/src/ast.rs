//! The abstract syntax tree of the Python subset, with source positions.
//!
//! The parser produces it, the compiler consumes it. Every statement and
//! expression carries the [`Span`] of its first token so errors can point at it.

/// A position in the source: 1-based line and column (columns count characters).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Span {
    pub line: u32,
    pub col: u32,
}

impl Span {
    pub fn new(line: u32, col: u32) -> Span {
        Span { line, col }
    }
}

/// A whole module: the statements of one file.
#[derive(Debug, Clone, PartialEq)]
pub struct Module {
    pub body: Vec<Stmt>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Stmt {
    pub span: Span,
    pub kind: StmtKind,
}

#[derive(Debug, Clone, PartialEq)]
pub enum StmtKind {
    /// An expression evaluated for its effect (`f(x)`).
    Expr(Expr),
    /// `t1 = t2 = value`: one or more targets, assigned left to right.
    Assign {
        targets: Vec<Target>,
        value: Expr,
    },
    /// `target op= value` where op is one of `+ - * // %`.
    AugAssign {
        target: Target,
        op: BinOp,
        value: Expr,
    },
    /// `if` / `elif` / `else`; an `elif` is a nested `If` alone in `orelse`.
    If {
        cond: Expr,
        body: Vec<Stmt>,
        orelse: Vec<Stmt>,
    },
    /// `while cond: body`, with an `else:` that runs when the loop ends without `break`.
    While {
        cond: Expr,
        body: Vec<Stmt>,
        orelse: Vec<Stmt>,
    },
    /// `for target in iter: body`, with an `else:` that runs when the loop ends without `break`.
    For {
        target: Target,
        iter: Expr,
        body: Vec<Stmt>,
        orelse: Vec<Stmt>,
    },
    Break,
    Continue,
    Pass,
    /// `def name(params): body`, at the top level or in a class body, under its decorators
    /// (applied bottom-up when the `def` runs).
    Def {
        name: String,
        params: Params,
        body: Vec<Stmt>,
        decorators: Vec<Expr>,
    },
    /// `class Name(Base): body`, at the top level or in a class body, under its decorators.
    Class {
        name: String,
        bases: Vec<Expr>,
        body: Vec<Stmt>,
        decorators: Vec<Expr>,
    },
    Return(Option<Expr>),
    Global(Vec<String>),
    /// `del a, b[i], c.d`: unbinds names, removes items and attributes.
    Del(Vec<Target>),
    /// `nonlocal a, b`: the names are an enclosing function's.
    Nonlocal(Vec<String>),
    Assert {
        test: Expr,
        msg: Option<Expr>,
    },
    /// `import a, b as c`.
    Import(Vec<Alias>),
    /// `from m import a, b as c`.
    ImportFrom {
        module: String,
        names: Vec<Alias>,
    },
    /// `with ctx: body` or `with ctx as target: body`: a Lock, or an object with `__enter__`
    /// and `__exit__`.
    With {
        ctx: Expr,
        target: Option<Target>,
        body: Vec<Stmt>,
    },
    /// `try:` with `except` clauses, `else:` (only with clauses) and `finally:`.
    Try {
        body: Vec<Stmt>,
        handlers: Vec<Handler>,
        orelse: Vec<Stmt>,
        finalbody: Vec<Stmt>,
    },
    /// `raise`, `raise exc`, `raise exc from cause`.
    Raise {
        exc: Option<Expr>,
        cause: Option<Expr>,
    },
}

/// An `except` clause: `except:`, `except E:`, `except (E, F) as e:`.
#[derive(Debug, Clone, PartialEq)]
pub struct Handler {
    pub span: Span,
    pub class: Option<Expr>,
    pub name: Option<String>,
    pub body: Vec<Stmt>,
}

/// A function's parameters, in CPython's order: positional-or-keyword, `*args`, keyword-only,
/// `**kwargs`.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Params {
    pub positional: Vec<Param>,
    pub varargs: Option<String>,
    pub kwonly: Vec<Param>,
    pub varkw: Option<String>,
}

impl Params {
    /// The names of the function's first locals, in slot order: positional, keyword-only,
    /// `*args`, `**kwargs` (CPython's `co_varnames` order).
    pub fn names(&self) -> Vec<String> {
        let named = self.positional.iter().chain(&self.kwonly).map(|p| p.name.clone());
        named.chain(self.varargs.clone()).chain(self.varkw.clone()).collect()
    }

    /// The default values' expressions, positional first, each with its parameter's slot.
    pub fn defaults(&self) -> impl Iterator<Item = (u16, &Expr)> {
        self.positional
            .iter()
            .chain(&self.kwonly)
            .enumerate()
            .filter_map(|(i, p)| Some((i as u16, p.default.as_ref()?)))
    }
}

/// One named parameter and its default value, if it has one.
#[derive(Debug, Clone, PartialEq)]
pub struct Param {
    pub name: String,
    pub default: Option<Expr>,
}

/// A keyword argument of a call: `name=value`, or `**value` when `name` is `None`.
#[derive(Debug, Clone, PartialEq)]
pub struct Keyword {
    pub name: Option<String>,
    pub value: Expr,
}

/// A name an import binds: `name`, or `name as asname`.
#[derive(Debug, Clone, PartialEq)]
pub struct Alias {
    pub name: String,
    pub asname: Option<String>,
}

impl Alias {
    /// The name the import binds.
    pub fn bound(&self) -> &str {
        self.asname.as_deref().unwrap_or(&self.name)
    }
}

/// A piece of an f-string.
#[derive(Debug, Clone, PartialEq)]
pub enum FPart {
    Lit(String),
    /// `{value!conversion:spec}`; the spec is itself f-string parts (`{x:{width}}`).
    Field {
        value: Box<Expr>,
        conversion: Option<char>,
        spec: Vec<FPart>,
    },
}

/// The left-hand side of an assignment or the variable of a `for`.
#[derive(Debug, Clone, PartialEq)]
pub enum Target {
    Name {
        name: String,
        span: Span,
    },
    Subscript {
        obj: Expr,
        index: Expr,
        span: Span,
    },
    /// `obj.name`.
    Attribute {
        obj: Expr,
        name: String,
        span: Span,
    },
    /// `a, b` or `(a, b)`: unpacks a sequence of exactly that length.
    Tuple {
        items: Vec<Target>,
        span: Span,
    },
    /// `*rest` inside a tuple target: takes the items the others leave, as a list.
    Starred {
        target: Box<Target>,
        span: Span,
    },
}

impl Target {
    #[cfg(test)]
    pub fn span(&self) -> Span {
        match self {
            Target::Name { span, .. }
            | Target::Subscript { span, .. }
            | Target::Attribute { span, .. }
            | Target::Tuple { span, .. }
            | Target::Starred { span, .. } => *span,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Expr {
    pub span: Span,
    pub kind: ExprKind,
}

#[derive(Debug, Clone, PartialEq)]
pub enum ExprKind {
    Int(i64),
    /// An int literal past 64 bits, as its decimal digits.
    BigInt(String),
    Float(f64),
    Str(String),
    True,
    False,
    None,
    Name(String),
    List(Vec<Expr>),
    Tuple(Vec<Expr>),
    /// `{k: v, **m}`: a pair without a key is `**m`, the mapping's items merged in.
    Dict(Vec<(Option<Expr>, Expr)>),
    /// `func(args..., keywords...)`; a method call is a `Call` whose `func` is an `Attribute`.
    /// `args` may hold `Starred` items (`*xs`); `keywords` come after every positional argument
    /// in the source only where Python requires it (`f(a=1, *xs)` is legal).
    Call {
        func: Box<Expr>,
        args: Vec<Expr>,
        keywords: Vec<Keyword>,
    },
    /// `*value` in a call's arguments.
    Starred(Box<Expr>),
    /// An f-string (with any plain strings next to it): literal text and replacement fields.
    FString(Vec<FPart>),
    /// `obj.name` (module attributes and, as a call's `func`, methods).
    Attribute {
        obj: Box<Expr>,
        name: String,
    },
    Subscript {
        obj: Box<Expr>,
        index: Box<Expr>,
    },
    Unary {
        op: UnaryOp,
        operand: Box<Expr>,
    },
    Binary {
        op: BinOp,
        left: Box<Expr>,
        right: Box<Expr>,
    },
    /// A single comparison.
    Compare {
        op: CmpOp,
        left: Box<Expr>,
        right: Box<Expr>,
    },
    /// A chain of comparisons, `a < b <= c`: each middle operand evaluated once, stopping at the
    /// first false comparison, as Python does.
    CompareChain {
        left: Box<Expr>,
        comparisons: Vec<(CmpOp, Expr)>,
    },
    /// `and` / `or`, short-circuiting and returning an operand.
    BoolOp {
        op: BoolOp,
        left: Box<Expr>,
        right: Box<Expr>,
    },
    /// `then if cond else orelse`.
    IfExp {
        cond: Box<Expr>,
        then: Box<Expr>,
        orelse: Box<Expr>,
    },
    /// `lambda params: body`.
    Lambda {
        params: Box<Params>,
        body: Box<Expr>,
    },
    /// A list, dict or set comprehension, or a generator expression: its own scope, run as a
    /// nested function (a generator function, for a generator expression).
    Comprehension(Box<Comprehension>),
    /// `yield` or `yield value` (a tuple for `yield a, b`): only in a function, which it makes a
    /// generator function.
    Yield(Option<Box<Expr>>),
    /// `yield from iterable`.
    YieldFrom(Box<Expr>),
    /// `{a, b}`: a set display (never empty: `{}` is a dict).
    Set(Vec<Expr>),
    /// `lower:upper:step` in a subscript (`x[1:-1]`, `x[::2]`), each part optional.
    Slice {
        lower: Option<Box<Expr>>,
        upper: Option<Box<Expr>>,
        step: Option<Box<Expr>>,
    },
}

/// `[element for target in iter if cond ...]` or `{key: value for ...}`.
#[derive(Debug, Clone, PartialEq)]
pub struct Comprehension {
    pub element: Element,
    /// The `for ... in ... if ...` clauses, outermost first (at least one).
    pub generators: Vec<CompFor>,
}

/// What a comprehension makes of each item.
#[derive(Debug, Clone, PartialEq)]
pub enum Element {
    List(Expr),
    Dict(Expr, Expr),
    /// `(element for ...)`: a generator expression.
    Generator(Expr),
    /// `{element for ...}`: a set comprehension.
    Set(Expr),
}

impl Element {
    /// The element's expressions, in evaluation order.
    pub fn exprs(&self) -> Vec<&Expr> {
        match self {
            Element::List(e) | Element::Generator(e) | Element::Set(e) => vec![e],
            Element::Dict(k, v) => vec![k, v],
        }
    }
}

/// One `for target in iter` clause of a comprehension, with its `if` conditions.
#[derive(Debug, Clone, PartialEq)]
pub struct CompFor {
    pub target: Target,
    pub iter: Expr,
    pub ifs: Vec<Expr>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnaryOp {
    Neg,
    /// Unary `+` (accepted because Python accepts it; identity on ints).
    Pos,
    Not,
    /// `~x`: an int's bitwise inverse.
    Invert,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BinOp {
    Add,
    Sub,
    Mul,
    FloorDiv,
    Mod,
    /// `/`: true division, a float.
    Div,
    Pow,
    BitAnd,
    BitOr,
    BitXor,
    LShift,
    RShift,
}

impl BinOp {
    /// The operator as Python spells it, for error messages.
    pub fn symbol(self) -> &'static str {
        match self {
            BinOp::Add => "+",
            BinOp::Sub => "-",
            BinOp::Mul => "*",
            BinOp::FloorDiv => "//",
            BinOp::Mod => "%",
            BinOp::Div => "/",
            BinOp::Pow => "** or pow()",
            BinOp::BitAnd => "&",
            BinOp::BitOr => "|",
            BinOp::BitXor => "^",
            BinOp::LShift => "<<",
            BinOp::RShift => ">>",
        }
    }

    /// The special methods a class defines for the operator: `a op b` calls the first on `a`,
    /// then the reflected one on `b`; `a op= b` tries the in-place one first.
    pub fn special_methods(self) -> [&'static str; 3] {
        match self {
            BinOp::Add => ["__add__", "__radd__", "__iadd__"],
            BinOp::Sub => ["__sub__", "__rsub__", "__isub__"],
            BinOp::Mul => ["__mul__", "__rmul__", "__imul__"],
            BinOp::FloorDiv => ["__floordiv__", "__rfloordiv__", "__ifloordiv__"],
            BinOp::Mod => ["__mod__", "__rmod__", "__imod__"],
            BinOp::Div => ["__truediv__", "__rtruediv__", "__itruediv__"],
            BinOp::Pow => ["__pow__", "__rpow__", "__ipow__"],
            BinOp::BitAnd => ["__and__", "__rand__", "__iand__"],
            BinOp::BitOr => ["__or__", "__ror__", "__ior__"],
            BinOp::BitXor => ["__xor__", "__rxor__", "__ixor__"],
            BinOp::LShift => ["__lshift__", "__rlshift__", "__ilshift__"],
            BinOp::RShift => ["__rshift__", "__rrshift__", "__irshift__"],
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CmpOp {
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
    In,
    NotIn,
    Is,
    IsNot,
}

impl CmpOp {
    pub fn symbol(self) -> &'static str {
        match self {
            CmpOp::Eq => "==",
            CmpOp::Ne => "!=",
            CmpOp::Lt => "<",
            CmpOp::Le => "<=",
            CmpOp::Gt => ">",
            CmpOp::Ge => ">=",
            CmpOp::In => "in",
            CmpOp::NotIn => "not in",
            CmpOp::Is => "is",
            CmpOp::IsNot => "is not",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BoolOp {
    And,
    Or,
}
