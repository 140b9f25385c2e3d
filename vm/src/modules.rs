//! Importable modules: `gc` (0), the bundled extension modules (1 up, in `bundled::ALL` order),
//! the VM's native modules (`_thread`, `time`), then the library modules written in Python
//! (`threading`, `queue`: see `library`), whose attributes are globals of the program.

use crate::builtins::Builtin;
use crate::ext::{bundled, ExtensionModule};
pub use crate::value::ModuleId;
use crate::value::{NativeFn, Value};

/// `gc` is module 0; extension modules follow in `bundled::ALL` order.
const GC: ModuleId = ModuleId(0);

/// What a native module's attribute is.
#[derive(Debug, Clone, Copy)]
enum Attr {
    Builtin(Builtin),
    Float(f64),
}

/// A module of the VM's own, with its attributes.
struct NativeModule {
    name: &'static str,
    attrs: &'static [(&'static str, Attr)],
}

use crate::error::ErrorKind;

/// The VM's native modules, after the extensions.
const NATIVE: &[NativeModule] = &[
    NativeModule {
        name: "_thread",
        attrs: &[
            ("start_new_thread", Attr::Builtin(Builtin::StartNewThread)),
            ("start_new", Attr::Builtin(Builtin::StartNewThread)),
            ("allocate_lock", Attr::Builtin(Builtin::Lock)),
            ("allocate", Attr::Builtin(Builtin::Lock)),
            ("LockType", Attr::Builtin(Builtin::Lock)),
            ("get_ident", Attr::Builtin(Builtin::GetIdent)),
            ("exit", Attr::Builtin(Builtin::ThreadExit)),
            ("stack_size", Attr::Builtin(Builtin::StackSize)),
            ("error", Attr::Builtin(Builtin::Error(ErrorKind::RuntimeError))),
            ("TIMEOUT_MAX", Attr::Float(crate::interp::TIMEOUT_MAX)),
            ("_start_daemon", Attr::Builtin(Builtin::StartDaemonThread)),
            ("_set_current", Attr::Builtin(Builtin::SetCurrent)),
            ("_get_current", Attr::Builtin(Builtin::GetCurrent)),
            ("_enumerate", Attr::Builtin(Builtin::EnumerateThreads)),
            ("_count", Attr::Builtin(Builtin::CountThreads)),
            ("_local", Attr::Builtin(Builtin::ThreadLocal)),
        ],
    },
    NativeModule {
        name: "time",
        attrs: &[
            ("sleep", Attr::Builtin(Builtin::Sleep)),
            ("time", Attr::Builtin(Builtin::Clock(crate::builtins::Clock::Wall))),
            ("time_ns", Attr::Builtin(Builtin::Clock(crate::builtins::Clock::WallNs))),
            ("monotonic", Attr::Builtin(Builtin::Clock(crate::builtins::Clock::Monotonic))),
            ("monotonic_ns", Attr::Builtin(Builtin::Clock(crate::builtins::Clock::MonotonicNs))),
            ("perf_counter", Attr::Builtin(Builtin::Clock(crate::builtins::Clock::Monotonic))),
            ("perf_counter_ns", Attr::Builtin(Builtin::Clock(crate::builtins::Clock::MonotonicNs))),
        ],
    },
    // What the `sys` library module is built on.
    NativeModule {
        name: "_emlab_sys",
        attrs: &[
            ("write", Attr::Builtin(Builtin::SysWrite)),
            ("argv", Attr::Builtin(Builtin::SysArgv)),
            ("getswitchinterval", Attr::Builtin(Builtin::GetSwitchInterval)),
            ("setswitchinterval", Attr::Builtin(Builtin::SetSwitchInterval)),
            ("getrecursionlimit", Attr::Builtin(Builtin::GetRecursionLimit)),
            ("renamed", Attr::Builtin(Builtin::RenamedFunction)),
            ("class_names", Attr::Builtin(Builtin::ClassNames)),
            ("setrecursionlimit", Attr::Builtin(Builtin::SetRecursionLimit)),
        ],
    },
    // `math`: its functions are `Builtin::Math`, found by name (`MathFn::lookup`).
    NativeModule {
        name: "math",
        attrs: &[
            ("pi", Attr::Float(std::f64::consts::PI)),
            ("e", Attr::Float(std::f64::consts::E)),
            ("tau", Attr::Float(std::f64::consts::TAU)),
            ("inf", Attr::Float(f64::INFINITY)),
            ("nan", Attr::Float(f64::NAN)),
        ],
    },
    // What the `random` library module is built on (CPython's `_random`, as functions of a state).
    NativeModule {
        name: "_random",
        attrs: &[
            ("new", Attr::Builtin(Builtin::RandomNew)),
            ("seed", Attr::Builtin(Builtin::RandomSeed)),
            ("random", Attr::Builtin(Builtin::RandomRandom)),
            ("getrandbits", Attr::Builtin(Builtin::RandomGetrandbits)),
            ("randbelow", Attr::Builtin(Builtin::RandomRandbelow)),
        ],
    },
];

fn native_base() -> usize {
    1 + bundled::ALL.len()
}

fn library_base() -> usize {
    native_base() + NATIVE.len()
}

/// The module `import name` binds.
pub fn lookup(name: &str) -> Option<ModuleId> {
    if name == "gc" {
        return Some(GC);
    }
    if let Some(i) = bundled::ALL.iter().position(|m| m.name == name) {
        return Some(ModuleId(i as u16 + 1));
    }
    if let Some(i) = NATIVE.iter().position(|m| m.name == name) {
        return Some(ModuleId((native_base() + i) as u16));
    }
    crate::library::find(name).map(|i| ModuleId((library_base() + i) as u16))
}

/// The extension behind a module id, if it is one.
pub fn extension(module: ModuleId) -> Option<&'static ExtensionModule> {
    (module.0 as usize).checked_sub(1).and_then(|i| bundled::ALL.get(i).copied())
}

/// The library module (its index in `library::ALL`) behind a module id, if it is one.
pub fn library(module: ModuleId) -> Option<usize> {
    (module.0 as usize).checked_sub(library_base()).filter(|&i| i < crate::library::ALL.len())
}

fn native_module(module: ModuleId) -> Option<&'static NativeModule> {
    (module.0 as usize).checked_sub(native_base()).and_then(|i| NATIVE.get(i))
}

pub fn name(module: ModuleId) -> &'static str {
    if module == GC {
        return "gc";
    }
    if let Some(ext) = extension(module) {
        return ext.name;
    }
    if let Some(native) = native_module(module) {
        return native.name;
    }
    library(module).map_or("?", |i| crate::library::ALL[i].name)
}

/// `module.attr` of `gc`, an extension or a native module, if the module has it (a library
/// module's attributes are the program's globals: the interpreter reads them).
pub fn attribute(module: ModuleId, attr: &str) -> Option<Value> {
    if module == GC {
        return (attr == "collect").then(|| Value::builtin(Builtin::GcCollect.id()));
    }
    if let Some(ext) = extension(module) {
        return ext.function(attr).map(|index| Value::native(NativeFn { module, index: index as u16 }));
    }
    let native = native_module(module)?;
    if native.name == "math" {
        if let Some(f) = crate::builtins::MathFn::lookup(attr) {
            return Some(Value::builtin(Builtin::Math(f).id()));
        }
    }
    native.attrs.iter().find(|(name, _)| *name == attr).map(|&(_, a)| match a {
        Attr::Builtin(b) => Value::builtin(b.id()),
        Attr::Float(f) => Value::float(f),
    })
}

/// The extension function a [`NativeFn`] names.
pub fn native(f: NativeFn) -> (&'static ExtensionModule, &'static crate::ext::ExtFunction) {
    let module = extension(f.module).expect("native functions belong to extension modules");
    (module, &module.functions[f.index as usize])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_module_round_trips_through_its_id() {
        let names = ["gc", "cache", "bank", "_thread", "time", "threading", "queue"];
        for name in names {
            let id = lookup(name).unwrap_or_else(|| panic!("{name}"));
            assert_eq!(self::name(id), name);
        }
        assert_eq!(lookup("nope"), None);
        assert!(extension(lookup("cache").unwrap()).is_some());
        assert!(extension(lookup("time").unwrap()).is_none());
        assert_eq!(library(lookup("queue").unwrap()), crate::library::find("queue"));
        assert!(attribute(lookup("time").unwrap(), "sleep").is_some());
        assert!(attribute(lookup("_thread").unwrap(), "nope").is_none());
    }
}
