//! The compiler: AST to bytecode, with names resolved to local slots and global indices.
//!
//! Scoping follows Python for the subset: inside a `def`, a name is local if it
//! is a parameter or is assigned anywhere in the body (and not declared
//! `global`); every other name is global, falling back to a builtin at run time.

mod expr;
mod scope;
mod stmt;

use crate::ast::{self, Span};
use crate::bytecode::{Code, Const, FuncId, Op, Program};
use crate::syntax::SyntaxError;
use scope::Scope;
use std::collections::HashMap;

/// Compiles a parsed module into a [`Program`].
pub fn compile(module: &ast::Module, file: &str, source: &str) -> Result<Program, SyntaxError> {
    let mut program = ProgramBuilder::default();
    let module_code = {
        let mut c = FunctionCompiler::new(&mut program, "<module>".into(), Scope::module());
        c.block(&module.body)?;
        c.emit(Op::LoadNone);
        c.emit(Op::Return);
        c.code
    };
    program.codes[0] = Some(module_code);
    Ok(Program {
        file: file.to_string(),
        source: source.to_string(),
        codes: program.codes.into_iter().map(|c| c.expect("every reserved function is compiled")).collect(),
        consts: program.consts,
        globals: program.globals,
        names: program.names,
        keyword_names: program.keyword_names,
    })
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
        intern(&mut self.globals, &mut self.global_index, name)
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
    fn new(program: &'p mut ProgramBuilder, name: String, scope: Scope) -> Self {
        let code = Code {
            name,
            params: scope.params,
            kwonly: scope.kwonly,
            varargs: scope.varargs,
            varkw: scope.varkw,
            default_slots: Vec::new(),
            plain_arity: if scope.kwonly == 0 && !scope.varargs && !scope.varkw { scope.params } else { u32::MAX },
            local_names: scope.locals.clone(),
            ops: Vec::new(),
            lines: Vec::new(),
        };
        FunctionCompiler { program, scope, code, line: 1, loops: Vec::new(), cleanups: Vec::new() }
    }

    fn emit(&mut self, op: Op) -> usize {
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
            Op::SetupTry { handler } | Op::WithEnter { handler } => *handler = here,
            other => unreachable!("patching a non-jump {other:?}"),
        }
    }

    fn at(&mut self, span: Span) {
        self.line = span.line;
    }

    fn load_name(&mut self, name: &str) {
        match self.scope.local_slot(name) {
            Some(slot) => self.emit(Op::LoadLocal { slot }),
            None => {
                let global = self.program.global(name);
                self.emit(Op::LoadGlobal { global })
            }
        };
    }

    fn store_name(&mut self, name: &str) {
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
        let scope = Scope::function(params, body, span)?;
        let id = FuncId(self.program.codes.len() as u32);
        self.program.codes.push(None);
        let mut c = FunctionCompiler::new(self.program, name.to_string(), scope);
        c.code.default_slots = params.defaults().map(|(slot, _)| slot).collect();
        c.line = span.line;
        c.block(body)?;
        c.emit(Op::LoadNone);
        c.emit(Op::Return);
        let code = c.code;
        self.program.codes[id.0 as usize] = Some(code);
        Ok(id)
    }
}

#[cfg(test)]
mod tests;
