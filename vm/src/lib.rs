//! # emlab-vm
//!
//! A compact VM for a strict subset of Python 3 with a free-threaded core:
//! threads run truly in parallel, each list and dict carries its own lock, and
//! memory is reclaimed by a tracing collector, with no reference counts.
//!
//! ```
//! use emlab_vm::{compile_source, platform::Native, Vm, VmConfig};
//!
//! let program = compile_source("print(1 + 2)\n", "example.py").unwrap();
//! let config = VmConfig { capture_output: true, ..VmConfig::default() };
//! let outcome = Vm::<Native>::new(program, config).unwrap().run();
//! assert_eq!(outcome.output, "3\n");
//! ```
//!
//! The VM is generic over a [`platform::Platform`], so the same interpreter runs
//! on real threads ([`platform::Native`]), under shuttle ([`platform::Shuttle`])
//! or under loom ([`platform::Loom`]).

pub mod ast;
pub mod builtins;
pub mod bytecode;
pub mod compiler;
pub mod disasm;
pub mod error;
pub mod ext;
pub mod heap;
pub mod interp;
pub mod mode;
pub mod modules;
pub mod platform;
pub mod runtime;
pub mod seqlock;
pub mod step;
pub mod syntax;
mod thread_state;
pub mod trace;
pub mod unicode;
pub mod value;
mod value_ops;
pub mod violation;
mod vm;

pub use error::{ErrorKind, Exception, Uncaught};
pub use mode::{Bug, Bugs, Mode};
pub use runtime::{Limits, VmConfig};
pub use syntax::SyntaxError;
pub use violation::{Violation, ViolationKind};
pub use vm::{RunOutcome, Vm};

/// Parses and compiles a whole program.
pub fn compile_source(source: &str, file: &str) -> Result<bytecode::Program, SyntaxError> {
    let module = syntax::parse(source)?;
    compiler::compile(&module, file, source)
}
