//! Any input either compiles or is a SyntaxError: the parser and compiler never panic; nor does
//! `emlab run --list-unsupported`'s listing, which parses again after each refusal.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(source) = std::str::from_utf8(data) {
        let _ = emlab_vm::compile_source(source, "fuzz.py");
        let _ = emlab_vm::unsupported::list(source);
    }
});
