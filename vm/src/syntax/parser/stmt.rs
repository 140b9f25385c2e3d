//! Statements and blocks.

use super::expr::BIT_OR;
use super::target::to_target;
use super::{describe, Parser, MAX_BLOCKS};
use crate::ast::{Alias, BinOp, Expr, Handler, Module, Param, Params, Span, Stmt, StmtKind, Target};
use crate::syntax::lexer::Tok;
use crate::syntax::SyntaxError;

type R<T> = Result<T, SyntaxError>;

impl Parser {
    /// The whole input.
    pub(crate) fn module(mut self) -> R<Module> {
        let mut body = Vec::new();
        while !matches!(self.tok(), Tok::Eof) {
            self.statement(&mut body)?;
        }
        Ok(Module { body })
    }

    /// One statement (or one line of `;`-separated simple statements), appended to `out`.
    fn statement(&mut self, out: &mut Vec<Stmt>) -> R<()> {
        let span = self.span();
        let kind = match self.tok() {
            Tok::Keyword("if") => self.if_stmt(),
            Tok::Keyword("while") => self.while_stmt(),
            Tok::Keyword("for") => self.for_stmt(),
            Tok::Keyword("def") => self.def_stmt(),
            Tok::Keyword("with") => self.with_stmt(),
            Tok::Keyword("try") => self.try_stmt(),
            Tok::Keyword("class") => self.class_stmt(Vec::new()),
            Tok::Op("@") => self.decorated(),
            _ => return self.other_statement(out),
        }?;
        out.push(Stmt { span, kind });
        Ok(())
    }

    /// Unsupported compound statements, or simple statements.
    fn other_statement(&mut self, out: &mut Vec<Stmt>) -> R<()> {
        match self.tok() {
            Tok::Keyword(k @ ("except" | "finally")) => {
                Err(self.fail(format!("'{k}' without a matching 'try' at the same indentation")))
            }
            Tok::Indent => Err(self.fail("unexpected indent")),
            Tok::Keyword(k @ ("elif" | "else")) => {
                Err(self.fail(format!("'{k}' without a matching 'if' at the same indentation")))
            }
            Tok::Name(n) if n == "match" && self.line_ends_with_colon() => {
                Err(self.fail("match statements are not supported"))
            }
            _ => self.simple_stmts(out),
        }
    }

    /// Whether the logical line at the cursor ends with `:` (a soft-keyword statement like `match x:`).
    fn line_ends_with_colon(&self) -> bool {
        let end =
            self.tokens[self.pos..].iter().position(|t| matches!(t.kind, Tok::Newline | Tok::Eof | Tok::Error(_)));
        end.is_some_and(|end| end > 0 && matches!(self.tokens[self.pos + end - 1].kind, Tok::Op(":")))
    }

    /// `simple; simple; ...` up to the end of the line.
    fn simple_stmts(&mut self, out: &mut Vec<Stmt>) -> R<()> {
        loop {
            let span = self.span();
            let kind = self.simple()?;
            out.push(Stmt { span, kind });
            if !self.eat_op(";") || matches!(self.tok(), Tok::Newline) {
                break;
            }
        }
        if !matches!(self.tok(), Tok::Newline) {
            return Err(self.unexpected("end of line after statement"));
        }
        self.bump();
        Ok(())
    }

    fn simple(&mut self) -> R<StmtKind> {
        let kind = match self.tok() {
            Tok::Keyword("pass") => StmtKind::Pass,
            Tok::Keyword("break") if self.loop_depth == 0 => return Err(self.fail("'break' outside loop")),
            Tok::Keyword("break") => StmtKind::Break,
            Tok::Keyword("continue") if self.loop_depth == 0 => {
                return Err(self.fail("'continue' not properly in loop"))
            }
            Tok::Keyword("continue") => StmtKind::Continue,
            Tok::Keyword("return") if !self.in_function => return Err(self.fail("'return' outside function")),
            Tok::Keyword("return") => {
                self.bump();
                let value = if self.starts_expr() { Some(self.exprlist()?.expr) } else { None };
                return Ok(StmtKind::Return(value));
            }
            Tok::Keyword("global") => return self.global(),
            Tok::Keyword("nonlocal") if !self.in_function => {
                return Err(self.fail("nonlocal declaration not allowed at module level"))
            }
            Tok::Keyword("nonlocal") => {
                self.bump();
                let mut names = vec![self.expect_name("a name after 'nonlocal'")?.0];
                while self.eat_op(",") {
                    names.push(self.expect_name("a name after ','")?.0);
                }
                return Ok(StmtKind::Nonlocal(names));
            }
            Tok::Keyword("assert") => {
                self.bump();
                let test = self.expr()?.expr;
                let msg = if self.eat_op(",") { Some(self.expr()?.expr) } else { None };
                return Ok(StmtKind::Assert { test, msg });
            }
            Tok::Keyword("import") => return self.import(),
            Tok::Keyword("from") => return self.import_from(),
            Tok::Keyword("raise") => {
                self.bump();
                let exc = if self.starts_expr() { Some(self.expr()?.expr) } else { None };
                let cause = match exc {
                    Some(_) if self.is_kw("from") => {
                        self.bump();
                        Some(self.expr()?.expr)
                    }
                    _ => None,
                };
                return Ok(StmtKind::Raise { exc, cause });
            }
            Tok::Keyword("del") => {
                self.bump();
                let targets = self.exprlist()?.expr;
                let targets = match targets.kind {
                    crate::ast::ExprKind::Tuple(items) => items,
                    _ => vec![targets],
                };
                let targets = targets
                    .into_iter()
                    .map(|t| {
                        super::target::to_target(t).map_err(|e| SyntaxError {
                            message: e.message.replace("assign to", "delete"),
                            span: e.span,
                        })
                    })
                    .collect::<Result<Vec<_>, _>>()?;
                return Ok(StmtKind::Del(targets));
            }
            Tok::Keyword(k @ ("if" | "while" | "for" | "def" | "with" | "class" | "try")) => {
                return Err(self.fail(format!(
                    "expected a simple statement, found keyword '{k}' (a '{k}' statement must start on its own line)"
                )));
            }
            Tok::Name(n) if n == "print" && matches!(self.peek(1), Tok::Op(">>")) => {
                return Err(self.fail("'print >>f, ...' (Python 2 print syntax) is not supported; use print(...)"));
            }
            Tok::Name(n)
                if n == "print"
                    && matches!(
                        self.peek(1),
                        Tok::Str(_) | Tok::Int(_) | Tok::BigInt(_) | Tok::Float(_) | Tok::Name(_)
                    ) =>
            {
                return Err(self.fail("the Python 2 print statement is not supported; use print(...)"));
            }
            _ => return self.expr_or_assign(),
        };
        self.bump();
        Ok(kind)
    }

    fn global(&mut self) -> R<StmtKind> {
        self.bump();
        let mut names = vec![self.expect_name("a name after 'global'")?.0];
        while self.eat_op(",") {
            names.push(self.expect_name("a name after ','")?.0);
        }
        Ok(StmtKind::Global(names))
    }

    /// `import a, b as c` (modules have no submodules here: a dotted name is refused).
    fn import(&mut self) -> R<StmtKind> {
        self.bump();
        let mut names = Vec::new();
        loop {
            let name = self.module_name("a module name after 'import'")?;
            names.push(Alias { name, asname: self.as_name()? });
            if !self.eat_op(",") {
                return Ok(StmtKind::Import(names));
            }
        }
    }

    /// `from m import a, b as c`, or with the names in parentheses.
    fn import_from(&mut self) -> R<StmtKind> {
        self.bump();
        if self.is_op(".") || self.is_op("...") {
            return Err(self.fail("relative imports ('from . import x') are not supported"));
        }
        let module = self.module_name("a module name after 'from'")?;
        if !self.is_kw("import") {
            return Err(self.unexpected("'import'"));
        }
        self.bump();
        if self.is_op("*") {
            return Err(self.fail("'from ... import *' is not supported; name what you import"));
        }
        let parenthesized = self.eat_op("(");
        let mut names = Vec::new();
        loop {
            let (name, _) = self.expect_name("a name to import")?;
            names.push(Alias { name, asname: self.as_name()? });
            if !self.eat_op(",") || (parenthesized && self.is_op(")")) {
                break;
            }
        }
        if parenthesized {
            self.expect_op(")", "to close the imported names")?;
        }
        Ok(StmtKind::ImportFrom { module, names })
    }

    /// A module's name: `m`, or a dotted one (`concurrent.futures`).
    fn module_name(&mut self, what: &str) -> R<String> {
        let (mut name, _) = self.expect_name(what)?;
        while self.eat_op(".") {
            name.push('.');
            name.push_str(&self.expect_name("a module name after '.'")?.0);
        }
        Ok(name)
    }

    /// An optional `as name`.
    fn as_name(&mut self) -> R<Option<String>> {
        if !self.is_kw("as") {
            return Ok(None);
        }
        self.bump();
        Ok(Some(self.expect_name("a name after 'as'")?.0))
    }

    /// An expression statement, an assignment `a = b = value`, or `target op= value`.
    fn expr_or_assign(&mut self) -> R<StmtKind> {
        let first = self.exprlist_or_yield()?.expr;
        let aug = match self.tok() {
            Tok::Op("+=") => Some(BinOp::Add),
            Tok::Op("-=") => Some(BinOp::Sub),
            Tok::Op("*=") => Some(BinOp::Mul),
            Tok::Op("//=") => Some(BinOp::FloorDiv),
            Tok::Op("%=") => Some(BinOp::Mod),
            Tok::Op("/=") => Some(BinOp::Div),
            Tok::Op("**=") => Some(BinOp::Pow),
            Tok::Op("&=") => Some(BinOp::BitAnd),
            Tok::Op("|=") => Some(BinOp::BitOr),
            Tok::Op("^=") => Some(BinOp::BitXor),
            Tok::Op("<<=") => Some(BinOp::LShift),
            Tok::Op(">>=") => Some(BinOp::RShift),
            Tok::Op(op @ "@=") => {
                return Err(self.fail(format!("augmented assignment '{op}' is not supported")));
            }
            Tok::Op(":") => return Err(self.fail("variable annotations ('x: T') are not supported")),
            _ => None,
        };
        if let Some(op) = aug {
            let kind = match &first.kind {
                crate::ast::ExprKind::Tuple(_) => Some("tuple"),
                crate::ast::ExprKind::List(_) => Some("list"),
                _ => None,
            };
            if let Some(kind) = kind {
                let message = format!("'{kind}' is an illegal expression for augmented assignment");
                return Err(SyntaxError { message, span: first.span });
            }
            let target = to_target(first)?;
            self.bump();
            let value = self.exprlist_or_yield()?.expr;
            return Ok(StmtKind::AugAssign { target, op, value });
        }
        if !self.is_op("=") {
            return Ok(StmtKind::Expr(first));
        }
        let mut exprs = vec![first];
        while self.eat_op("=") {
            exprs.push(self.exprlist_or_yield()?.expr);
        }
        let value = exprs.pop().ok_or_else(|| self.fail("expected an expression"))?;
        let targets = exprs.into_iter().map(to_target).collect::<R<Vec<_>>>()?;
        Ok(StmtKind::Assign { targets, value })
    }

    /// An expression list, or a `yield` expression (which statements and assignments may hold
    /// without parentheses).
    fn exprlist_or_yield(&mut self) -> R<super::Ex> {
        if self.is_kw("yield") {
            return self.yield_expr();
        }
        self.exprlist()
    }

    /// Consumes the `:` ending a compound statement's header.
    fn colon(&mut self, after: &str) -> R<()> {
        if self.eat_op(":") {
            return Ok(());
        }
        Err(self.unexpected(&format!("':' after {after}")))
    }

    /// The body after a header's `:`: an indented block, or simple statements on the same line.
    fn suite(&mut self, header: &'static str, header_span: Span) -> R<Vec<Stmt>> {
        let mut body = Vec::new();
        if !matches!(self.tok(), Tok::Newline) {
            self.simple_stmts(&mut body)?;
            return Ok(body);
        }
        self.bump();
        self.block_start(header, header_span)?;
        while !matches!(self.tok(), Tok::Dedent) {
            self.statement(&mut body)?;
        }
        self.bump();
        self.blocks -= 1;
        self.indents -= 1;
        Ok(body)
    }

    /// Consumes the INDENT starting a block, counting the nesting.
    fn block_start(&mut self, header: &str, header_span: Span) -> R<()> {
        if !matches!(self.tok(), Tok::Indent) {
            return Err(self.fail(format!(
                "expected an indented block after {header} on line {}, found {}",
                header_span.line,
                describe(self.tok())
            )));
        }
        self.bump();
        self.indents += 1;
        self.enter_block()
    }

    fn enter_block(&mut self) -> R<()> {
        self.blocks += 1;
        if self.blocks > MAX_BLOCKS {
            return Err(self.fail(format!("too many nested blocks (more than {MAX_BLOCKS}, 'elif' branches included)")));
        }
        Ok(())
    }

    /// `if`/`elif`/`else`; each `elif` becomes an `If` alone in the previous `orelse`.
    fn if_stmt(&mut self) -> R<StmtKind> {
        let depth = self.blocks;
        let mut branches = vec![self.if_branch()?];
        while self.is_kw("elif") {
            self.enter_block()?;
            branches.push(self.if_branch()?);
        }
        let orelse = if self.is_kw("else") { self.else_branch()? } else { Vec::new() };
        self.blocks = depth;
        Ok(fold_elifs(branches, orelse))
    }

    /// `if cond: body` or `elif cond: body`.
    fn if_branch(&mut self) -> R<(Span, Expr, Vec<Stmt>)> {
        let is_if = self.is_kw("if");
        let span = self.bump();
        let cond = self.expr()?.expr;
        self.colon(if is_if { "if condition" } else { "elif condition" })?;
        let body = self.suite(if is_if { "'if' statement" } else { "'elif' statement" }, span)?;
        Ok((span, cond, body))
    }

    fn else_branch(&mut self) -> R<Vec<Stmt>> {
        let span = self.bump();
        self.colon("'else'")?;
        self.suite("'else' statement", span)
    }

    fn while_stmt(&mut self) -> R<StmtKind> {
        let span = self.bump();
        let cond = self.expr()?.expr;
        self.colon("while condition")?;
        self.loop_depth += 1;
        let body = self.suite("'while' statement", span)?;
        self.loop_depth -= 1;
        let orelse = if self.is_kw("else") { self.else_branch()? } else { Vec::new() };
        Ok(StmtKind::While { cond, body, orelse })
    }

    fn for_stmt(&mut self) -> R<StmtKind> {
        let span = self.bump();
        let target = self.for_target()?;
        let iter = self.exprlist()?.expr;
        self.colon("for loop header")?;
        self.loop_depth += 1;
        let body = self.suite("'for' statement", span)?;
        self.loop_depth -= 1;
        let orelse = if self.is_kw("else") { self.else_branch()? } else { Vec::new() };
        Ok(StmtKind::For { target, iter, body, orelse })
    }

    /// The variable(s) of a `for`, and the `in` after them.
    pub(super) fn for_target(&mut self) -> R<Target> {
        let target = to_target(self.comma_list(|p| p.binary(BIT_OR))?.expr)?;
        if !self.eat_kw("in") {
            return Err(self.unexpected("'in' after the for loop's target"));
        }
        Ok(target)
    }

    /// `try:` then `except` clauses (a bare one last), `else:` (only after a clause) and
    /// `finally:`; at least one clause or the `finally`.
    fn try_stmt(&mut self) -> R<StmtKind> {
        let span = self.bump();
        self.colon("'try'")?;
        let body = self.suite("'try' statement", span)?;
        let mut handlers: Vec<Handler> = Vec::new();
        while self.is_kw("except") {
            let clause = self.span();
            if handlers.last().is_some_and(|h| h.class.is_none()) {
                let previous = handlers.last().map_or(clause, |h| h.span);
                return Err(SyntaxError { message: "default 'except:' must be last".into(), span: previous });
            }
            self.bump();
            if self.is_op("*") {
                return Err(self.fail("'except*' (exception groups) is not supported"));
            }
            let (class, name) = if self.is_op(":") {
                (None, None)
            } else {
                let class = self.expr()?.expr;
                if self.is_op(",") {
                    let message = "multiple exception types must be parenthesized".into();
                    return Err(SyntaxError { message, span: class.span });
                }
                let name = if self.is_kw("as") {
                    self.bump();
                    Some(self.expect_name("a name after 'as'")?.0)
                } else {
                    None
                };
                (Some(class), name)
            };
            self.colon("'except' clause")?;
            let body = self.suite("'except' statement", clause)?;
            handlers.push(Handler { span: clause, class, name, body });
        }
        let orelse = if self.is_kw("else") && !handlers.is_empty() {
            let span = self.bump();
            self.colon("'else'")?;
            self.suite("'else' statement", span)?
        } else {
            Vec::new()
        };
        let finalbody = if self.is_kw("finally") {
            let span = self.bump();
            self.colon("'finally'")?;
            self.suite("'finally' statement", span)?
        } else {
            Vec::new()
        };
        if handlers.is_empty() && finalbody.is_empty() {
            return Err(self.fail("expected 'except' or 'finally' block"));
        }
        Ok(StmtKind::Try { body, handlers, orelse, finalbody })
    }

    /// `with a as x, b:` is `with a as x:` around `with b:`, as Python defines it.
    fn with_stmt(&mut self) -> R<StmtKind> {
        let span = self.bump();
        let mut managers = Vec::new();
        loop {
            let ctx = self.expr()?.expr;
            let target = if self.is_kw("as") {
                self.bump();
                Some(to_target(self.binary(BIT_OR)?.expr)?)
            } else {
                None
            };
            managers.push((ctx, target));
            if !self.eat_op(",") {
                break;
            }
        }
        self.colon("'with' expression")?;
        let mut body = self.suite("'with' statement", span)?;
        let (ctx, target) = managers.remove(0);
        while let Some((ctx, target)) = managers.pop() {
            body = vec![Stmt { span, kind: StmtKind::With { ctx, target, body } }];
        }
        Ok(StmtKind::With { ctx, target, body })
    }

    /// `@decorator` lines, then the `def` or `class` they decorate.
    fn decorated(&mut self) -> R<StmtKind> {
        let mut decorators = Vec::new();
        while self.eat_op("@") {
            decorators.push(self.expr()?.expr);
            if !matches!(self.tok(), Tok::Newline) {
                return Err(self.unexpected("end of line after the decorator"));
            }
            self.bump();
        }
        match self.tok() {
            Tok::Keyword("def") => self.def_with(decorators),
            Tok::Keyword("class") => self.class_stmt(decorators),
            _ => Err(self.unexpected("'def' or 'class' after the decorators")),
        }
    }

    fn def_stmt(&mut self) -> R<StmtKind> {
        self.def_with(Vec::new())
    }

    /// `def name(params): body`, at the top level or in a class body (a method).
    fn def_with(&mut self, decorators: Vec<Expr>) -> R<StmtKind> {
        let span = self.bump();
        let (name, _) = self.expect_name("a function name after 'def'")?;
        let params = self.params()?;
        self.colon("the function signature")?;
        let saved_loops = std::mem::replace(&mut self.loop_depth, 0);
        let saved_function = std::mem::replace(&mut self.in_function, true);
        let body = self.suite("function definition", span)?;
        self.in_function = saved_function;
        self.loop_depth = saved_loops;
        Ok(StmtKind::Def { name, params, body, decorators })
    }

    /// `class Name:` or `class Name(Base):`, at the top level or in a class body.
    fn class_stmt(&mut self, decorators: Vec<Expr>) -> R<StmtKind> {
        let span = self.bump();
        let (name, _) = self.expect_name("a class name after 'class'")?;
        let mut bases = Vec::new();
        if self.eat_op("(") {
            while !self.eat_op(")") {
                if matches!(self.peek(1), Tok::Op("=")) {
                    return Err(self.fail("class keyword arguments (metaclass=...) are not supported"));
                }
                bases.push(self.expr()?.expr);
                if !self.is_op(")") && !self.eat_op(",") {
                    return Err(self.unexpected("',' or ')' in the base classes"));
                }
            }
        }
        self.colon("the class name")?;
        let saved_loops = std::mem::replace(&mut self.loop_depth, 0);
        let saved_function = std::mem::replace(&mut self.in_function, false);
        let body = self.suite("class definition", span)?;
        self.in_function = saved_function;
        self.loop_depth = saved_loops;
        Ok(StmtKind::Class { name, bases, body, decorators })
    }

    /// `(a, b=1, *args, c, d=2, **kw)`: names distinct, in Python's order; annotations are
    /// parsed and not evaluated.
    fn params(&mut self) -> R<Params> {
        self.expect_op("(", "after the function name")?;
        self.param_list(")", true)
    }

    /// A lambda's parameters, up to and including its `:` (no annotations).
    pub(super) fn lambda_params(&mut self) -> R<Params> {
        self.param_list(":", false)
    }

    /// Parameters up to `close` (consumed).
    fn param_list(&mut self, close: &'static str, annotations: bool) -> R<Params> {
        let mut params = Params::default();
        let mut names: Vec<String> = Vec::new();
        // After `*` or `*args`: the rest are keyword-only.
        let mut starred = false;
        while !self.eat_op(close) {
            if params.varkw.is_some() {
                return Err(self.fail("arguments cannot follow var-keyword argument"));
            }
            let span = self.span();
            let kind = if self.eat_op("**") {
                "**"
            } else if self.eat_op("*") {
                if starred {
                    return Err(SyntaxError { message: "* argument may appear only once".into(), span });
                }
                starred = true;
                if self.is_op(",") || self.is_op(close) {
                    if self.is_op(close) || matches!(self.peek(1), Tok::Op("**")) {
                        return Err(SyntaxError { message: "named arguments must follow bare *".into(), span });
                    }
                    self.eat_op(",");
                    continue;
                }
                "*"
            } else {
                ""
            };
            if self.is_op("/") {
                return Err(self.fail("positional-only parameters ('/') are not supported"));
            }
            let (name, name_span) = self.expect_name("a parameter name")?;
            if names.contains(&name) {
                let message = format!("duplicate argument '{name}' in function definition");
                return Err(SyntaxError { message, span: name_span });
            }
            names.push(name.clone());
            if annotations && self.eat_op(":") {
                self.expr()?;
            }
            let default = if kind.is_empty() && self.eat_op("=") { Some(self.expr()?.expr) } else { None };
            match kind {
                "**" => params.varkw = Some(name),
                "*" => params.varargs = Some(name),
                _ if starred => params.kwonly.push(Param { name, default }),
                _ => {
                    if default.is_none() && params.positional.iter().any(|p| p.default.is_some()) {
                        let message = "non-default argument follows default argument";
                        return Err(SyntaxError { message: message.into(), span: name_span });
                    }
                    params.positional.push(Param { name, default })
                }
            }
            if kind == "**" && self.is_op("=") {
                return Err(self.fail("var-keyword argument cannot have default value"));
            }
            if kind == "*" && self.is_op("=") {
                return Err(self.fail("var-positional argument cannot have default value"));
            }
            if !self.is_op(close) && !self.eat_op(",") {
                return Err(self.unexpected(if annotations {
                    "',' or ')' in the parameter list"
                } else {
                    "',' or ':' in the lambda's parameters"
                }));
            }
        }
        if annotations && self.eat_op("->") {
            self.expr()?;
        }
        Ok(params)
    }
}

/// Nests `if`/`elif` branches: each later branch becomes an `If` alone in the previous `orelse`.
fn fold_elifs(mut branches: Vec<(Span, Expr, Vec<Stmt>)>, mut orelse: Vec<Stmt>) -> StmtKind {
    while branches.len() > 1 {
        if let Some((span, cond, body)) = branches.pop() {
            orelse = vec![Stmt { span, kind: StmtKind::If { cond, body, orelse } }];
        }
    }
    match branches.pop() {
        Some((_, cond, body)) => StmtKind::If { cond, body, orelse },
        None => StmtKind::Pass,
    }
}
