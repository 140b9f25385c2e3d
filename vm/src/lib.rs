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

pub mod bias;
pub mod bytecode;
pub mod disasm;
pub mod error;
pub mod heap;
pub mod library;
pub mod mode;
mod padded;
pub mod platform;
pub mod seqlock;
pub mod step;
pub mod trace;
pub mod unsupported;
pub mod value;
pub mod violation;

// The VM's inside. Layers, each depending only on the ones before it: `thread_state` (a leaf),
// `runtime` (shared state), `interp` (threads running bytecode), `vm` (the entry point); see `vm`.
pub(crate) mod ast;
pub(crate) mod builtins;
pub(crate) mod compiler;
pub(crate) mod ext;
pub(crate) mod interp;
pub(crate) mod modules;
pub(crate) mod runtime;
pub(crate) mod syntax;
mod thread_state;
pub(crate) mod unicode;
mod value_ops;
mod vm;
pub(crate) mod walk;

pub use error::{ErrorKind, Exception, Uncaught};
pub use mode::{Bug, Bugs, Mode};
pub use runtime::{Limits, Promotion, PromotionStats, PromotionSummary, VmConfig};
pub use syntax::SyntaxError;
pub use violation::{Violation, ViolationKind};
pub use vm::{RunOutcome, Vm};

/// Parses and compiles a whole program.
pub fn compile_source(source: &str, file: &str) -> Result<bytecode::Program, SyntaxError> {
    let module = syntax::parse(source)?;
    compiler::compile(&module, file, source)
}
