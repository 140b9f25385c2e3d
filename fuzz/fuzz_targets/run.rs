//! Any program that compiles runs to an outcome without a VM panic (bounded by a step budget).
#![no_main]

use emlab_vm::platform::Native;
use emlab_vm::{compile_source, ErrorKind, Vm, VmConfig};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(source) = std::str::from_utf8(data) else { return };
    // Threads would make the fuzzer nondeterministic; keep to single-threaded programs.
    if source.contains("spawn") {
        return;
    }
    let Ok(program) = compile_source(source, "fuzz.py") else { return };
    let mut config = VmConfig::for_checking();
    config.limits.max_steps = Some(100_000);
    let outcome = Vm::<Native>::new(program, config).expect("the VM starts").run();
    assert!(outcome.uncaught.iter().all(|e| e.exception.kind != ErrorKind::VmPanic), "{:?}", outcome.uncaught);
});
