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
    While {
        cond: Expr,
        body: Vec<Stmt>,
    },
    For {
        target: Target,
        iter: Expr,
        body: Vec<Stmt>,
    },
    Break,
    Continue,
    Pass,
    /// `def name(params): body` (top level only).
    Def {
        name: String,
        params: Vec<String>,
        body: Vec<Stmt>,
    },
    Return(Option<Expr>),
    Global(Vec<String>),
    Assert {
        test: Expr,
        msg: Option<Expr>,
    },
    Import(String),
    /// `with ctx: body` (the context must be a Lock at run time).
    With {
        ctx: Expr,
        body: Vec<Stmt>,
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
    /// `a, b` or `(a, b)`: unpacks a sequence of exactly that length.
    Tuple {
        items: Vec<Target>,
        span: Span,
    },
}

impl Target {
    #[cfg(test)]
    pub fn span(&self) -> Span {
        match self {
            Target::Name { span, .. } | Target::Subscript { span, .. } | Target::Tuple { span, .. } => *span,
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
    Str(String),
    True,
    False,
    None,
    Name(String),
    List(Vec<Expr>),
    Tuple(Vec<Expr>),
    Dict(Vec<(Expr, Expr)>),
    /// `func(args...)`; a method call is a `Call` whose `func` is an `Attribute`.
    Call {
        func: Box<Expr>,
        args: Vec<Expr>,
    },
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
    /// A single comparison; chains (`a < b < c`) are rejected by the parser.
    Compare {
        op: CmpOp,
        left: Box<Expr>,
        right: Box<Expr>,
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
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnaryOp {
    Neg,
    /// Unary `+` (accepted because Python accepts it; identity on ints).
    Pos,
    Not,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BinOp {
    Add,
    Sub,
    Mul,
    FloorDiv,
    Mod,
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
