//! `emlab run`: execute a program on real threads.

use crate::cli::RunArgs;
use crate::diagnostics::render_syntax_error;
use crate::exit;
use emlab_vm::bytecode::Program;
use emlab_vm::platform::Native;
use emlab_vm::{compile_source, Vm, VmConfig};

/// A program file read and compiled.
pub struct Loaded {
    pub file: String,
    pub source: String,
    pub program: Program,
}

/// Reads and compiles a program file; on failure prints why (the syntax error with its source
/// line and caret) and returns the exit code.
pub fn load_program(path: &std::path::Path) -> Result<Loaded, i32> {
    let file = path.display().to_string();
    // `suite:NAME` is a bundled scenario (see `crate::bundled`).
    let source = match crate::bundled::suite_selector(path) {
        Some(_) => crate::bundled::scenario_source(path).map(str::to_string).ok_or_else(|| {
            eprintln!("emlab: {file}: no such bundled scenario (`emlab suite list` shows them)");
            exit::USAGE
        })?,
        None => crate::source::read_source(path).map_err(|message| {
            eprintln!("emlab: {message}");
            exit::USAGE
        })?,
    };
    let program = compile_source(&source, &file).map_err(|e| {
        eprint!("{}", render_syntax_error(&file, &source, &e));
        exit::USAGE
    })?;
    Ok(Loaded { file, source, program })
}

/// `emlab run --list-unsupported FILE`: every construct emlab would refuse, one line each.
fn list_unsupported(path: &std::path::Path) -> i32 {
    let file = path.display().to_string();
    let source = match crate::source::read_source(path) {
        Ok(source) => source,
        Err(message) => {
            eprintln!("emlab: {message}");
            return exit::USAGE;
        }
    };
    let report = emlab_vm::unsupported::list(&source);
    for f in &report.findings {
        println!("{file}:{}:{}: {}", f.span.line, f.span.col, f.message);
    }
    if let Some(e) = &report.syntax_error {
        eprint!("{}", render_syntax_error(&file, &source, e));
        eprintln!("emlab: the listing stops at this syntax error, which CPython would report too");
        return exit::USAGE;
    }
    if report.truncated {
        eprintln!(
            "emlab: the listing stops after {} constructs of syntax outside the subset",
            emlab_vm::unsupported::MAX_SYNTAX_FINDINGS
        );
    }
    match report.findings.len() {
        0 => {
            println!("{file}: nothing unsupported");
            exit::OK
        }
        1 => {
            println!("{file}: 1 unsupported construct");
            exit::PROGRAM_ERROR
        }
        n => {
            println!("{file}: {n} unsupported constructs");
            exit::PROGRAM_ERROR
        }
    }
}

/// Runs `emlab run` and returns the process exit code.
pub fn run(args: &RunArgs) -> i32 {
    if args.list_unsupported {
        return list_unsupported(&args.file);
    }
    let program = match load_program(&args.file) {
        Ok(loaded) => loaded.program,
        Err(code) => return code,
    };
    if args.disassemble {
        print!("{}", emlab_vm::disasm::disassemble(&program));
        return exit::OK;
    }
    let mode = match args.vm.single_mode() {
        Ok(mode) => mode.unwrap_or_default(),
        Err(message) => {
            eprintln!("{message}");
            return exit::USAGE;
        }
    };
    let config = VmConfig {
        mode,
        bugs: args.vm.inject.iter().copied().collect(),
        limits: args
            .vm
            .limits(emlab_vm::Limits { max_heap: crate::memory::default_run_heap(), ..emlab_vm::Limits::default() }),
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
    if let Some(status) = outcome.exit_status {
        // `sys.exit(status)`: the status as the OS passes it on (its low byte).
        return status & 0xff;
    }
    if outcome.main_failed {
        exit::PROGRAM_ERROR
    } else {
        exit::OK
    }
}
