//! `emlab run`: execute a program on real threads.

use crate::cli::RunArgs;
use crate::diagnostics::render_syntax_error;
use crate::exit;
use emlab_vm::platform::Native;
use emlab_vm::{compile_source, Vm, VmConfig};

/// Reads a program file, or explains why it can't.
pub fn read_program(path: &std::path::Path) -> Result<String, String> {
    std::fs::read_to_string(path).map_err(|e| format!("emlab: cannot read {}: {e}", path.display()))
}

/// Runs `emlab run` and returns the process exit code.
pub fn run(args: &RunArgs) -> i32 {
    let file = args.file.display().to_string();
    let source = match read_program(&args.file) {
        Ok(s) => s,
        Err(message) => {
            eprintln!("{message}");
            return exit::USAGE;
        }
    };
    let program = match compile_source(&source, &file) {
        Ok(p) => p,
        Err(e) => {
            eprint!("{}", render_syntax_error(&file, &source, &e));
            return exit::USAGE;
        }
    };
    if args.disassemble {
        print!("{}", emlab_vm::disasm::disassemble(&program));
        return exit::OK;
    }
    let config = VmConfig {
        mode: args.vm.mode.unwrap_or_default(),
        bugs: args.vm.inject.iter().copied().collect(),
        ..VmConfig::default()
    };
    let vm = match Vm::<Native>::new(program, config) {
        Ok(vm) => vm,
        Err(e) => {
            eprintln!("emlab: {e}");
            return exit::PROGRAM_ERROR;
        }
    };
    let outcome = vm.run();
    if outcome.main_failed {
        exit::PROGRAM_ERROR
    } else {
        exit::OK
    }
}
