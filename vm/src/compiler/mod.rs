//! The compiler: AST to bytecode, with names resolved to local slots and global indices.
//!
//! Scoping follows Python for the subset: inside a `def`, a name is local if it
//! is a parameter or is assigned anywhere in the body (and not declared
//! `global`); every other name is global, falling back to a builtin at run time.

mod expr;
mod scope;
mod stmt;
mod symtable;

use crate::ast::{self, Span};
use crate::bytecode::{Code, Const, FuncId, Op, Program};
use crate::syntax::SyntaxError;
use scope::Scope;
use std::collections::{BTreeSet, HashMap};

/// Compiles a parsed module into a [`Program`].
pub fn compile(module: &ast::Module, file: &str, source: &str) -> Result<Program, SyntaxError> {
    let mut program = ProgramBuilder::default();
    let module_code = {
        let mut c =
            FunctionCompiler::new(&mut program, "<module>".into(), "<module>".into(), Scope::module(), Vec::new());
        c.block(&module.body)?;
        c.emit(Op::LoadNone);
        c.emit(Op::Return);
        c.code
    };
    program.codes[0] = Some(module_code);
    let libraries = compile_libraries(&mut program, crate::library::imports(&module.body))?;
    Ok(Program {
        file: file.to_string(),
        source: source.to_string(),
        codes: program.codes.into_iter().map(|c| c.expect("every reserved function is compiled")).collect(),
        consts: program.consts,
        globals: program.globals,
        names: program.names,
        keyword_names: program.keyword_names,
        libraries,
    })
}

/// Compiles the library modules among `wanted` (and those they import) into the program, each
/// in its own namespace.
fn compile_libraries(
    program: &mut ProgramBuilder,
    mut wanted: Vec<String>,
) -> Result<Vec<crate::bytecode::LibraryModule>, SyntaxError> {
    let mut libraries = Vec::new();
    let mut next = 0;
    while next < wanted.len() {
        let name = wanted[next].clone();
        next += 1;
        let Some(index) = crate::library::find(&name) else { continue };
        let source = crate::library::ALL[index].source;
        let in_library = |e: SyntaxError| SyntaxError {
            message: format!("{} (in emlab's {}, line {})", e.message, crate::library::file(index), e.span.line),
            span: Span::new(1, 1),
        };
        let module = crate::syntax::parse(source).map_err(in_library)?;
        for import in crate::library::imports(&module.body) {
            if !wanted.contains(&import) {
                wanted.push(import);
            }
        }
        program.namespace = Some(name.clone());
        program.library = Some(index as u16);
        let id = FuncId(program.codes.len() as u32);
        program.codes.push(None);
        let mut c = FunctionCompiler::new(program, "<module>".into(), "<module>".into(), Scope::module(), Vec::new());
        let compiled = c.block(&module.body).map_err(in_library);
        c.emit(Op::LoadNone);
        c.emit(Op::Return);
        let code = c.code;
        program.namespace = None;
        program.library = None;
        compiled?;
        program.codes[id.0 as usize] = Some(code);
        let prefix = crate::library::global_name(&name, "");
        let exports = program
            .globals
            .iter()
            .enumerate()
            .filter_map(|(i, g)| g.strip_prefix(&prefix).map(|plain| (plain.to_string(), i as u32)))
            .collect();
        libraries.push(crate::bytecode::LibraryModule { index, body: id, exports });
    }
    Ok(libraries)
}

/// Tables shared by all functions of the program being compiled.
struct ProgramBuilder {
    codes: Vec<Option<Code>>,
    consts: Vec<Const>,
    const_index: HashMap<Const, u32>,
    globals: Vec<String>,
    global_index: HashMap<String, u32>,
    names: Vec<String>,
    name_index: HashMap<String, u32>,
    keyword_names: Vec<Box<[String]>>,
    /// The library module being compiled: its globals are named `module.name`.
    namespace: Option<String>,
    library: Option<u16>,
}

impl Default for ProgramBuilder {
    fn default() -> Self {
        ProgramBuilder {
            codes: vec![None],
            consts: Vec::new(),
            const_index: HashMap::new(),
            globals: Vec::new(),
            global_index: HashMap::new(),
            names: Vec::new(),
            name_index: HashMap::new(),
            keyword_names: Vec::new(),
            namespace: None,
            library: None,
        }
    }
}

impl ProgramBuilder {
    fn constant(&mut self, constant: Const) -> u32 {
        if let Some(&i) = self.const_index.get(&constant) {
            return i;
        }
        let i = self.consts.len() as u32;
        self.consts.push(constant.clone());
        self.const_index.insert(constant, i);
        i
    }

    fn global(&mut self, name: &str) -> u32 {
        match &self.namespace {
            Some(module) => {
                let name = crate::library::global_name(module, name);
                intern(&mut self.globals, &mut self.global_index, &name)
            }
            None => intern(&mut self.globals, &mut self.global_index, name),
        }
    }

    fn name(&mut self, name: &str) -> u32 {
        intern(&mut self.names, &mut self.name_index, name)
    }

    /// The index of a call's keyword names in [`Program::keyword_names`] (shared by equal lists).
    fn keyword_names(&mut self, names: Vec<String>) -> u32 {
        let names = names.into_boxed_slice();
        match self.keyword_names.iter().position(|n| *n == names) {
            Some(i) => i as u32,
            None => {
                self.keyword_names.push(names);
                self.keyword_names.len() as u32 - 1
            }
        }
    }
}

fn intern(table: &mut Vec<String>, index: &mut HashMap<String, u32>, name: &str) -> u32 {
    if let Some(&i) = index.get(name) {
        return i;
    }
    let i = table.len() as u32;
    table.push(name.to_string());
    index.insert(name.to_string(), i);
    i
}

/// A loop being compiled: where `continue` goes and which jumps `break` must patch.
struct LoopContext {
    continue_target: u32,
    break_jumps: Vec<usize>,
    /// Cleanups open when the loop started; `break`/`continue` run the ones opened since.
    cleanups: usize,
    /// A `for` loop keeps its iterator on the stack; `break` must pop it.
    is_for: bool,
}

/// Compiles one function body (or the module body).
struct FunctionCompiler<'p> {
    program: &'p mut ProgramBuilder,
    scope: Scope,
    code: Code,
    line: u32,
    loops: Vec<LoopContext>,
    /// What leaving the blocks the compiler is inside takes, innermost last: `break`, `continue`
    /// and `return` run them on their way out.
    cleanups: Vec<Cleanup>,
    /// What the qualified names of the functions and classes defined here start with (`C.` in
    /// class `C`'s body, `f.<locals>.` in function `f`'s).
    prefix: String,
    /// The names each enclosing function binds, innermost last (class bodies and the module bind
    /// none that a nested function can take).
    outer: Vec<BTreeSet<String>>,
}

/// A block that code leaving it early (`break`, `continue`, `return`) must close.
#[derive(Clone)]
enum Cleanup {
    /// A `with` body: leave its block and release the lock (`WithEnd`).
    With,
    /// A `try` body with `except` clauses: leave its block.
    Try,
    /// An `except` (or an exception's `finally`) body: the handler is done with the exception.
    Handler,
    /// A `try` body or `except` clauses with a `finally`: leave its block and run the `finally`.
    Finally(Vec<ast::Stmt>),
}

impl<'p> FunctionCompiler<'p> {
    fn new(
        program: &'p mut ProgramBuilder,
        name: String,
        qualname: String,
        scope: Scope,
        outer: Vec<BTreeSet<String>>,
    ) -> Self {
        let prefix = if scope.is_class {
            format!("{qualname}.")
        } else if name == "<module>" {
            String::new()
        } else {
            format!("{qualname}.<locals>.")
        };
        let frees = scope.frees.len() as u32;
        let cell_slots: Vec<u16> = scope.cells.iter().filter_map(|name| scope.local_slot(name)).collect();
        let code = Code {
            name,
            qualname,
            namespace_keys: Vec::new(),
            params: scope.params,
            kwonly: scope.kwonly,
            varargs: scope.varargs,
            varkw: scope.varkw,
            default_slots: Vec::new(),
            plain_arity: if scope.kwonly == 0 && !scope.varargs && !scope.varkw { scope.params } else { u32::MAX },
            local_names: scope.locals.clone(),
            frees,
            ops: Vec::new(),
            lines: Vec::new(),
            library: program.library,
            generator: false,
        };
        let mut c =
            FunctionCompiler { program, scope, code, line: 1, loops: Vec::new(), cleanups: Vec::new(), prefix, outer };
        // A local that nested functions share lives in a cell, made when the function starts (a
        // parameter's with the argument in it).
        for slot in cell_slots {
            c.emit(Op::MakeCell { slot });
        }
        c
    }

    /// The `outer` of a function nested in this one.
    fn outer_for_nested(&self) -> Vec<BTreeSet<String>> {
        let mut outer = self.outer.clone();
        if !self.scope.is_class && self.code.name != "<module>" {
            outer.push(self.scope.bindable());
        }
        outer
    }

    fn emit(&mut self, op: Op) -> usize {
        // A generator's return also ends the generator: its own instruction, so that a plain
        // function's return tests nothing.
        let op = match op {
            Op::Return if self.code.generator => Op::GenReturn,
            op => op,
        };
        self.code.ops.push(op);
        self.code.lines.push(self.line);
        self.code.ops.len() - 1
    }

    fn here(&self) -> u32 {
        self.code.ops.len() as u32
    }

    /// Points the jump at `at` to the current position.
    fn patch(&mut self, at: usize) {
        let here = self.here();
        match &mut self.code.ops[at] {
            Op::Jump { target }
            | Op::JumpIfFalse { target }
            | Op::JumpIfTrue { target }
            | Op::JumpIfFalseOrPop { target }
            | Op::JumpIfTrueOrPop { target } => *target = here,
            Op::ForIter { exit } => *exit = here,
            Op::SetupTry { handler } | Op::WithEnter { handler, .. } => *handler = here,
            other => unreachable!("patching a non-jump {other:?}"),
        }
    }

    fn at(&mut self, span: Span) {
        self.line = span.line;
    }

    fn load_name(&mut self, name: &str) {
        if self.scope.is_deref(name) {
            let slot = self.scope.local_slot(name).expect("a cell or free name has a slot");
            self.emit(Op::LoadDeref { slot });
            return;
        }
        match self.scope.local_slot(name) {
            Some(slot) if self.scope.is_class => {
                let global = self.program.global(name);
                self.emit(Op::LoadClassLocal { slot, global })
            }
            Some(slot) => self.emit(Op::LoadLocal { slot }),
            None => {
                let global = self.program.global(name);
                self.emit(Op::LoadGlobal { global })
            }
        };
    }

    fn store_name(&mut self, name: &str) {
        if self.scope.is_deref(name) {
            let slot = self.scope.local_slot(name).expect("a cell or free name has a slot");
            self.emit(Op::StoreDeref { slot });
            return;
        }
        match self.scope.local_slot(name) {
            Some(slot) => self.emit(Op::StoreLocal { slot }),
            None => {
                let global = self.program.global(name);
                self.emit(Op::StoreGlobal { global })
            }
        };
    }

    /// Compiles a `def` body into a new code object and returns its id.
    fn function(
        &mut self,
        name: &str,
        params: &ast::Params,
        body: &[ast::Stmt],
        span: Span,
    ) -> Result<FuncId, SyntaxError> {
        let outer = self.outer_for_nested();
        let scope = Scope::function(params, body, span, &outer)?;
        let id = FuncId(self.program.codes.len() as u32);
        self.program.codes.push(None);
        let qualname = format!("{}{name}", self.prefix);
        let mut c = FunctionCompiler::new(self.program, name.to_string(), qualname, scope, outer);
        c.code.default_slots = params.defaults().map(|(slot, _)| slot).collect();
        c.line = span.line;
        if symtable::is_generator(body) {
            c.code.generator = true;
            c.emit(Op::GenStart);
        }
        c.block(body)?;
        c.emit(Op::LoadNone);
        c.emit(Op::Return);
        let code = c.code;
        self.program.codes[id.0 as usize] = Some(code);
        Ok(id)
    }

    /// Pushes the function `func` (compiled from a `def` or `lambda` with `params`, here): its
    /// default values are evaluated now, and it takes the cells of the names it uses from this
    /// function.
    fn make_function(&mut self, func: FuncId, params: &ast::Params, span: Span) -> Result<(), SyntaxError> {
        let mut count = 0;
        for (_, default) in params.defaults() {
            self.expr(default)?;
            count += 1;
        }
        self.at(span);
        let code = self.program.codes[func.0 as usize].as_ref().expect("compiled before it is made");
        let frees: Vec<String> = code.local_names[code.local_names.len() - code.frees as usize..].to_vec();
        for name in &frees {
            // A class body keeps an enclosing cell its own name shadows under an alias.
            let aliased = format!("{}{name}", scope::FREE_ALIAS);
            let plain = name.strip_prefix(scope::FREE_ALIAS).unwrap_or(name);
            let slot = (self.scope.local_slot(&aliased))
                .or_else(|| self.scope.local_slot(plain))
                .expect("a nested function's free name is bound here");
            self.emit(Op::LoadCell { slot });
        }
        if count == 0 && frees.is_empty() {
            self.emit(Op::LoadFunc { func });
        } else {
            self.emit(Op::MakeFunction { func, count });
        }
        Ok(())
    }

    /// Compiles `lambda params: body` and pushes the function.
    fn lambda(&mut self, params: &ast::Params, body: &ast::Expr, span: Span) -> Result<(), SyntaxError> {
        let statement = [ast::Stmt { span, kind: ast::StmtKind::Return(Some(body.clone())) }];
        let func = self.function("<lambda>", params, &statement, span)?;
        self.make_function(func, params, span)
    }

    /// Compiles a comprehension as a function of its first iterator and calls it with it.
    fn comprehension(&mut self, comp: &ast::Comprehension, span: Span) -> Result<(), SyntaxError> {
        let targets: Vec<&ast::Target> = comp.generators.iter().map(|g| &g.target).collect();
        let mut parts: Vec<&ast::Expr> = comp.element.exprs();
        let mut later = Vec::new();
        for (k, g) in comp.generators.iter().enumerate() {
            if k > 0 {
                later.push(&g.iter);
            }
            parts.extend(g.ifs.iter());
        }
        let free = symtable::comprehension_free_names(&parts, &targets, &later);
        let nested = symtable::comprehension_nested_free_names(&parts, &later);
        let outer = self.outer_for_nested();
        let scope = Scope::comprehension(&targets, free, nested, &outer);
        let id = FuncId(self.program.codes.len() as u32);
        self.program.codes.push(None);
        let name = match comp.element {
            ast::Element::List(_) => "<listcomp>",
            ast::Element::Dict(..) => "<dictcomp>",
            ast::Element::Generator(_) => "<genexpr>",
            ast::Element::Set(_) => "<setcomp>",
        };
        let qualname = format!("{}{name}", self.prefix);
        let mut c = FunctionCompiler::new(self.program, name.to_string(), qualname, scope, outer);
        c.line = span.line;
        let result = c.scope.local_slot(".result").expect("a comprehension has a result slot");
        match comp.element {
            ast::Element::List(_) => c.emit(Op::BuildList { count: 0 }),
            ast::Element::Dict(..) => c.emit(Op::BuildDict { count: 0 }),
            ast::Element::Set(_) => c.emit(Op::BuildSet { count: 0, folded: false }),
            ast::Element::Generator(_) => {
                c.code.generator = true;
                c.emit(Op::GenStart)
            }
        };
        if !c.code.generator {
            c.emit(Op::StoreLocal { slot: result });
        }
        c.emit(Op::LoadLocal { slot: 0 });
        c.comprehension_loop(comp, 0, result)?;
        if c.code.generator {
            c.emit(Op::LoadNone);
        } else {
            c.emit(Op::LoadLocal { slot: result });
        }
        c.emit(Op::Return);
        self.program.codes[id.0 as usize] = Some(c.code);
        self.make_function(id, &ast::Params::default(), span)?;
        self.expr(&comp.generators[0].iter)?;
        self.at(span);
        self.emit(Op::GetIter);
        self.emit(Op::Call { argc: 1 });
        Ok(())
    }

    /// The loop of clause `k` of a comprehension, with its iterator on the stack.
    fn comprehension_loop(&mut self, comp: &ast::Comprehension, k: usize, result: u16) -> Result<(), SyntaxError> {
        let generator = &comp.generators[k];
        let top = self.here();
        let next = self.emit(Op::ForIter { exit: 0 });
        self.store(&generator.target)?;
        let mut skips = Vec::new();
        for cond in &generator.ifs {
            self.expr(cond)?;
            skips.push(self.emit(Op::JumpIfFalse { target: 0 }));
        }
        if k + 1 < comp.generators.len() {
            self.expr(&comp.generators[k + 1].iter)?;
            self.emit(Op::GetIter);
            self.comprehension_loop(comp, k + 1, result)?;
        } else {
            match &comp.element {
                ast::Element::List(e) => {
                    self.expr(e)?;
                    self.emit(Op::AppendTo { slot: result });
                }
                ast::Element::Dict(key, value) => {
                    self.expr(key)?;
                    self.expr(value)?;
                    self.emit(Op::SetEntryIn { slot: result });
                }
                ast::Element::Generator(e) => {
                    self.expr(e)?;
                    self.emit(Op::Yield);
                    self.emit(Op::Pop);
                }
                ast::Element::Set(e) => {
                    self.expr(e)?;
                    self.emit(Op::SetAddTo { slot: result });
                }
            }
        }
        for skip in skips {
            self.patch(skip);
        }
        self.emit(Op::Loop { target: top });
        self.patch(next);
        Ok(())
    }

    /// Compiles a class body into a function that runs it and returns its namespace (the names
    /// it bound, in slot order), and returns that function's id.
    fn class_body(&mut self, name: &str, body: &[ast::Stmt], span: Span) -> Result<FuncId, SyntaxError> {
        let outer = self.outer_for_nested();
        let scope = Scope::class(body, span, &outer)?;
        let id = FuncId(self.program.codes.len() as u32);
        self.program.codes.push(None);
        let qualname = format!("{}{name}", self.prefix);
        let mut c = FunctionCompiler::new(self.program, name.to_string(), qualname, scope, outer);
        c.code.namespace_keys = c
            .scope
            .attribute_names()
            .to_vec()
            .iter()
            .map(|local| c.program.constant(Const::Str(local.clone())))
            .collect();
        c.line = span.line;
        c.block(body)?;
        c.emit(Op::BuildNamespace);
        c.emit(Op::Return);
        let code = c.code;
        self.program.codes[id.0 as usize] = Some(code);
        Ok(id)
    }
}

#[cfg(test)]
mod tests;
